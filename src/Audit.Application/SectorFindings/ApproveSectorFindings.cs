using Audit.Core.SectorFindings;

namespace Audit.Application.SectorFindings;

/// <summary>
/// Four eyes: a second analyst approves one version of a sector's findings. The approver names the version it read
/// (If-Match, required), so an approval never lands on a text changed meanwhile; the author of that version may not
/// approve it. Only approved findings reach a report, and publishing a round waits for them.
/// </summary>
public sealed class ApproveSectorFindings(SectorFindingsScope scope, ISectorFindingsRepository findings, TimeProvider clock)
{
    public async Task<Outcome<SectorFindingsRecord>> ExecuteAsync(
        Caller caller, string roundId, string institutionType, VersionPrecondition ifMatch, CancellationToken cancellationToken)
    {
        if (!(await scope.ExecuteAsync(caller, roundId, institutionType, cancellationToken)).TryGetValue(out var target, out var failure))
        {
            return failure;
        }
        if (ifMatch.IsMalformed)
        {
            return VersionPrecondition.Invalid();
        }
        if (await findings.GetAsync(roundId, target.TypeName, cancellationToken) is not { } existing)
        {
            return new Failure.NotFound($"No findings on '{institutionType}' in round '{roundId}' have been written yet.");
        }
        if (!FourEyes.Check(existing, ifMatch, caller, SaveSectorFindings.Stale, SaveSectorFindings.Current).TryGetValue(out var version, out var refused))
        {
            return refused;
        }
        if (target.Round.Round.Status == RoundStatus.Published)
        {
            return new Failure.Conflict("The round is published; its sector findings are final.");
        }
        var result = await findings.ApproveAsync(roundId, target.TypeName, version, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            SectorFindingsWriteOutcome.Done => result.Findings!,
            SectorFindingsWriteOutcome.NotFound => SectorFindingsScope.NotFound(roundId, institutionType),
            _ => SaveSectorFindings.Stale(result.Findings),
        };
    }
}
