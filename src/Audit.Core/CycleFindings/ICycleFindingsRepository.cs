using Audit.Core.AuditTrail;
using Audit.Core.SectorFindings;

namespace Audit.Core.CycleFindings;

/// <summary>
/// The bureau's summary of a whole audit cycle (all its waves), which opens the national report to parliament:
/// Markdown, versioned, approved by a second analyst like sector findings. The approval holds only while
/// <see cref="ApprovedVersion"/> is the current <see cref="Version"/>.
/// </summary>
public sealed record CycleFindingsRecord(
    string Cycle,
    string Summary,
    int Version,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    int? ApprovedVersion = null,
    string? ApprovedBy = null,
    DateTimeOffset? ApprovedAt = null) : IApprovableText
{
    public bool IsApproved => ApprovedVersion == Version && ApprovedBy is not null;
}

/// <summary><see cref="Findings"/> is the written version, or the current one on a mismatch (null when there is none).</summary>
public sealed record CycleFindingsWriteResult(SectorFindingsWriteOutcome Outcome, CycleFindingsRecord? Findings);

public interface ICycleFindingsRepository
{
    Task<CycleFindingsRecord?> GetAsync(string cycle, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the summary: with an expected version only if it is still at it; without one unconditionally. The version
    /// grows by one and any approval is withdrawn. Audit event <c>cycle-findings.saved</c>.
    /// </summary>
    Task<CycleFindingsWriteResult> PutAsync(
        string cycle, string summary, int? expectedVersion, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Approves <paramref name="version"/> if it is still the current one. Audit event <c>cycle-findings.approved</c>.</summary>
    Task<CycleFindingsWriteResult> ApproveAsync(string cycle, int version, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);
}
