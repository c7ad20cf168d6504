using Audit.Core.AuditTrail;

namespace Audit.Core.SectorViews;

/// <summary>
/// One computed sector view, stored in both forms: the internal one for the bureau and the published
/// (disclosure-controlled) one for the ministry and respondents. Readers of the published form never
/// touch the internal JSON.
/// </summary>
public sealed record StoredSectorView(
    string Id,
    string RoundId,
    string InstitutionType,
    string Fingerprint,
    DateTimeOffset ComputedAt,
    int Included,
    bool Suppressed,
    string InternalJson,
    string PublishedJson);

/// <summary>A listing row: everything but the JSON.</summary>
public sealed record SectorViewSummary(string RoundId, string InstitutionType, string Fingerprint, DateTimeOffset ComputedAt, int Included, bool Suppressed);

public enum PublishOutcome
{
    /// <summary>A new version was stored and made current.</summary>
    Published,

    /// <summary>A version with this fingerprint existed already; it is (now) current and nothing else changed.</summary>
    Unchanged,
}

public interface ISectorViewRepository
{
    /// <summary>
    /// Inserts the version unless its fingerprint exists, and points the sector's current view at it, in
    /// one transaction. Safe to call twice or from two workers at once: both end on the same current view.
    /// </summary>
    Task<PublishOutcome> PublishAsync(StoredSectorView view, AuditEvent audit, CancellationToken cancellationToken = default);

    Task<StoredSectorView?> GetCurrentAsync(string roundId, string institutionType, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SectorViewSummary>> ListCurrentAsync(string roundId, CancellationToken cancellationToken = default);

    /// <summary>How many versions a sector has (tests and operations).</summary>
    Task<int> CountVersionsAsync(string roundId, string institutionType, CancellationToken cancellationToken = default);
}
