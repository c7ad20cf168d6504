using Audit.Core.AuditTrail;
using Audit.Core.SectorFindings;
using Audit.Core.SectorViews;

namespace Audit.TestSupport;

/// <summary>
/// For test fixtures that publish a round: writes and approves findings (one author, another approver, through the
/// repository) for every sector of the round published with figures that has no approved findings yet, so publishing
/// is not refused for want of them. Tests of that refusal do not call this.
/// </summary>
public static class ApprovedSectorFindings
{
    public static readonly Actor Author = new("u_findings_author", "analyst");
    public static readonly Actor Approver = new("u_findings_approver", "analyst");

    public const string Summary = "De sector heeft de basis op orde.";

    public static async Task EnsureAsync(ISectorViewRepository views, ISectorFindingsRepository findings, string roundId)
    {
        var approved = (await findings.ListAsync(roundId)).Where(f => f.IsApproved).Select(f => f.InstitutionType).ToHashSet(StringComparer.Ordinal);
        foreach (var view in await views.ListCurrentAsync(roundId))
        {
            if (view.Suppressed || approved.Contains(view.InstitutionType))
            {
                continue;
            }
            var now = DateTimeOffset.UtcNow;
            var written = await findings.PutAsync(roundId, view.InstitutionType, "[]", Summary, null, Author, now);
            if (written.Outcome != SectorFindingsWriteOutcome.Done)
            {
                throw new InvalidOperationException($"Writing findings for {roundId}/{view.InstitutionType}: {written.Outcome}.");
            }
            var done = await findings.ApproveAsync(roundId, view.InstitutionType, written.Findings!.Version, Approver, now);
            if (done.Outcome != SectorFindingsWriteOutcome.Done)
            {
                throw new InvalidOperationException($"Approving findings for {roundId}/{view.InstitutionType}: {done.Outcome}.");
            }
        }
    }
}
