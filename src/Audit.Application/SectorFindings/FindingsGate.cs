using Audit.Core.SectorFindings;
using Audit.Core.SectorViews;

namespace Audit.Application.SectorFindings;

/// <summary>
/// Which sectors of a round hold publication back for want of approved findings: every institution type whose current
/// view will be published with figures (not withheld as a whole) needs findings a second analyst approved, because the
/// report to parliament leads with them. A withheld sector shows no figures, so there is nothing to find about it.
/// </summary>
public static class FindingsGate
{
    public static async Task<IReadOnlyList<string>> MissingAsync(
        ISectorViewRepository views, ISectorFindingsRepository findings, string roundId, CancellationToken cancellationToken)
    {
        var approved = (await findings.ListAsync(roundId, cancellationToken)).Where(f => f.IsApproved).Select(f => f.InstitutionType).ToHashSet(StringComparer.Ordinal);
        return [.. (await views.ListCurrentAsync(roundId, cancellationToken))
            .Where(v => !v.Suppressed && !approved.Contains(v.InstitutionType))
            .Select(v => v.InstitutionType)
            .Order(StringComparer.Ordinal)];
    }

    public static string Reason(string institutionType) =>
        $"The sector '{institutionType}' has no approved findings; an analyst writes them and another approves them.";
}
