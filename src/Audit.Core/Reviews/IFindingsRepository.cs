using Audit.Core.AuditTrail;

namespace Audit.Core.Reviews;

/// <summary>The bureau's findings on one participation: JSON of the themes, as validated by the caller.</summary>
public sealed record FindingsRecord(
    string ParticipationId,
    string FindingsJson,
    string? Summary,
    int Version,
    string UpdatedBy,
    DateTimeOffset UpdatedAt);

public enum FindingsSaveOutcome
{
    Saved,

    /// <summary>The findings are no longer at the expected version (or do not exist yet); nothing was written.</summary>
    VersionMismatch,

    /// <summary>No such participation.</summary>
    NotFound,
}

/// <summary><see cref="Findings"/> is the saved version, or the current one on a mismatch (null when there is none).</summary>
public sealed record FindingsSaveResult(FindingsSaveOutcome Outcome, FindingsRecord? Findings);

public interface IFindingsRepository
{
    Task<FindingsRecord?> GetAsync(string participationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the findings: with an expected version only if they are still at it; without one unconditionally
    /// (last writer wins). Version starts at 1 and grows by one. Audit event <c>findings.saved</c>.
    /// </summary>
    Task<FindingsSaveResult> PutAsync(
        string participationId, string findingsJson, string? summary, int? expectedVersion, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default);
}
