using Audit.Application.Rounds;
using Audit.Core.Paging;

namespace Audit.Application.Participations;

/// <summary>
/// Institutions in a round. The bureau sees every participation; a respondent only its own institution's (another's
/// is "not found", never "forbidden"); the ministry none.
/// </summary>
public sealed class ReadParticipations(IRoundRepository rounds, IParticipationRepository participations, ParticipationScopes scopes)
{
    /// <summary>One page of the round's participations, by institution id; a respondent's page holds at most its own.</summary>
    public async Task<Outcome<Page<ParticipationRecord>>> ExecuteAsync(
        Caller caller, string roundId, PageInput page, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        page.Check(errors);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        if (!(caller.IsBureau || caller.Role == Role.Respondent) || await rounds.GetAsync(roundId, cancellationToken) is null)
        {
            return RoundLookup.NotFound(roundId);
        }
        var request = page.ToRequest(PageRequest.MaxPageSize);
        if (caller.IsBureau)
        {
            return await participations.ListByRoundAsync(roundId, request, cancellationToken);
        }
        var own = caller.InstitutionId is { } institutionId ? await participations.FindAsync(roundId, institutionId, cancellationToken) : null;
        IReadOnlyList<ParticipationRecord> items = own is null ? [] : [own];
        return new Page<ParticipationRecord>(items, 1, request.Limit, items.Count);
    }

    /// <summary>One participation, when the caller may see it.</summary>
    public async Task<Outcome<ParticipationRecord>> GetAsync(Caller caller, string participationId, CancellationToken cancellationToken)
    {
        var found = await scopes.VisibleAsync(participationId, caller, cancellationToken);
        return found.TryGetValue(out var scope, out var failure) ? scope.Participation : failure;
    }
}
