using Audit.Core.AuditTrail;

namespace Audit.Core.SectorFindings;

/// <summary>
/// The bureau's findings on one institution type in one round: <see cref="ThemesJson"/> is the JSON list of
/// <see cref="SectorFindingsTheme"/>, as checked by <see cref="SectorFindingsTexts"/>. The approval fields describe the
/// last approval; it holds only while <see cref="ApprovedVersion"/> is the current <see cref="Version"/>.
/// </summary>
public sealed record SectorFindingsRecord(
    string RoundId,
    string InstitutionType,
    string ThemesJson,
    string? Summary,
    int Version,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    int? ApprovedVersion = null,
    string? ApprovedBy = null,
    DateTimeOffset? ApprovedAt = null) : IApprovableText
{
    /// <summary>The text as it is now was approved by a second analyst (four eyes); only then may it reach a report.</summary>
    public bool IsApproved => ApprovedVersion == Version && ApprovedBy is not null;
}

/// <summary>
/// A text the bureau writes in versions and a second analyst approves (four eyes): sector findings and the cycle
/// summary. The approval rules are the same for both (<c>FourEyes</c> in the application layer).
/// </summary>
public interface IApprovableText
{
    int Version { get; }

    /// <summary>The user id of who wrote <see cref="Version"/>; they may not approve it.</summary>
    string UpdatedBy { get; }

    int? ApprovedVersion { get; }

    bool IsApproved { get; }
}

/// <summary>What a write of an approvable text did (sector findings, cycle summary).</summary>
public enum SectorFindingsWriteOutcome
{
    Done,

    /// <summary>The findings are no longer at the expected version (or do not exist); nothing was written.</summary>
    VersionMismatch,

    /// <summary>No such round.</summary>
    NotFound,
}

/// <summary><see cref="Findings"/> is the written version, or the current one on a mismatch (null when there is none).</summary>
public sealed record SectorFindingsWriteResult(SectorFindingsWriteOutcome Outcome, SectorFindingsRecord? Findings);

public interface ISectorFindingsRepository
{
    Task<SectorFindingsRecord?> GetAsync(string roundId, string institutionType, CancellationToken cancellationToken = default);

    /// <summary>Every institution type's findings of a round, approved or not.</summary>
    Task<IReadOnlyList<SectorFindingsRecord>> ListAsync(string roundId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the findings: with an expected version only if they are still at it; without one unconditionally. The
    /// version grows by one and any approval is withdrawn (a change needs a new approval). Audit event
    /// <c>sector-findings.saved</c>.
    /// </summary>
    Task<SectorFindingsWriteResult> PutAsync(
        string roundId, string institutionType, string themesJson, string? summary, int? expectedVersion, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Approves <paramref name="version"/> if it is still the current one. Who may approve is the caller's rule. Audit
    /// event <c>sector-findings.approved</c>.
    /// </summary>
    Task<SectorFindingsWriteResult> ApproveAsync(
        string roundId, string institutionType, int version, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);
}
