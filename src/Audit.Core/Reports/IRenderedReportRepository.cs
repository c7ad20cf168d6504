using Audit.Core.AuditTrail;

namespace Audit.Core.Reports;

/// <summary>The kinds of report that are rendered and stored, as they appear in the database and the API.</summary>
public static class ReportKinds
{
    /// <summary>One participation's feedback report (instellingsbeeld); the subject is the participation id.</summary>
    public const string Feedback = "feedback";

    /// <summary>One institution type's sector report; the subject is the institution type.</summary>
    public const string Sector = "sector";

    /// <summary>The round's report to parliament; the subject is <see cref="RenderedReportKey.WholeRound"/>.</summary>
    public const string Parliament = "parliament";

    /// <summary>
    /// One participation's board conversation pack (two pages from its feedback report); the subject is the
    /// participation id. Rendered on request, not by the render job.
    /// </summary>
    public const string BoardSummary = "board-summary";
    /// <summary>A cycle's national report to parliament; never stored by the render job, only rendered on request.</summary>
    public const string National = "national";
}

/// <summary>
/// What identifies a stored report file: which report (round, kind, subject), in which language and format
/// (<c>html</c> or <c>pdf</c>), made from which inputs. <see cref="Fingerprint"/> is a hash over everything the
/// report shows (the sector-view fingerprints among it) plus the template version and the language, so unchanged
/// inputs find the file that is already stored and changed inputs never do.
/// </summary>
public sealed record RenderedReportKey(string RoundId, string Kind, string Subject, string Language, string Format, string Fingerprint)
{
    public const string WholeRound = "round";
}

/// <summary>
/// A stored report file. <see cref="SectorFingerprints"/> names the sector views it shows ("type=fingerprint",
/// space-separated) and <see cref="TemplateVersion"/> the templates, as its provenance footer does.
/// </summary>
public sealed record StoredReport(
    RenderedReportKey Key,
    string ContentType,
    byte[] Content,
    string Sha256,
    string TemplateVersion,
    string SectorFingerprints,
    DateTimeOffset RenderedAt);

/// <summary>A listing row: everything but the bytes.</summary>
public sealed record StoredReportSummary(
    RenderedReportKey Key,
    string ContentType,
    long Length,
    string Sha256,
    string TemplateVersion,
    string SectorFingerprints,
    DateTimeOffset RenderedAt);

/// <summary>
/// Rendered report files, kept per fingerprint like sector views: a file is never replaced, so every download of
/// the same inputs gets the same bytes, and a render of unchanged inputs (twice, or on two workers at once)
/// stores nothing new.
/// </summary>
public interface IRenderedReportRepository
{
    /// <summary>
    /// Stores the file unless one with the same key exists, with <paramref name="audit"/> in the same transaction
    /// (only when stored). True when this call stored it. Safe to call concurrently with the same key.
    /// </summary>
    Task<bool> StoreAsync(StoredReport report, AuditEvent audit, CancellationToken cancellationToken = default);

    Task<StoredReport?> GetAsync(RenderedReportKey key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(RenderedReportKey key, CancellationToken cancellationToken = default);

    /// <summary>Every stored file of a round, by kind, subject, language, format and time of rendering.</summary>
    Task<IReadOnlyList<StoredReportSummary>> ListAsync(string roundId, CancellationToken cancellationToken = default);
}
