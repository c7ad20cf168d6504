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
        if (!ifMatch.IsPresent)
        {
            return new Failure.PreconditionRequired(
                $"Send If-Match with the version you read and approve (now {existing.Version}).", existing.Version) { Extensions = SaveSectorFindings.Current(existing) };
        }
        if (ifMatch.MatchFor(existing.Version) is not { } version)
        {
            return SaveSectorFindings.Stale(existing);
        }
        if (existing.UpdatedBy == caller.UserId)
        {
            return new Failure.Forbidden("You wrote this version; another analyst approves it (four eyes).");
        }
        if (existing.IsApproved)
        {
            return new Failure.Conflict($"Version {existing.Version} is approved already.");
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
