using Audit.Application.Rounds;
using Audit.Core.SectorViews;

namespace Audit.Application.SectorViews;

/// <summary>
/// An administrator marks every institution type taking part in a round dirty and queues their recompute. The marks
/// are written first, so a lost queue entry is still done by the sweep.
/// </summary>
public sealed class RecomputeSectorViews(
    IRoundRepository rounds, IParticipationRepository participations, ISectorDirtyRepository dirty, ISectorRecomputeScheduler scheduler, TimeProvider clock)
{
    /// <summary>Returns the institution types marked.</summary>
    public async Task<Outcome<IReadOnlyList<InstitutionType>>> ExecuteAsync(Caller caller, string roundId, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            return new Failure.Forbidden("Only an administrator recomputes sector views.");
        }
        var found = await rounds.FindAsync(roundId, cancellationToken);
        if (!found.IsOk)
        {
            return found.Fail<IReadOnlyList<InstitutionType>>();
        }
        var types = await participations.InstitutionTypesAsync(roundId, cancellationToken);
        foreach (var mark in await dirty.MarkAsync(roundId, types, caller.ToActor(), clock.GetUtcNow(), cancellationToken))
        {
            scheduler.Enqueue(mark.RoundId, mark.InstitutionType);
        }
        return Outcome.Of(types);
    }
}
