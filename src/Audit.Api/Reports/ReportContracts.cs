using Audit.Core.Reports;

namespace Audit.Api.Reports;

/// <summary>The answer to a render request: the Hangfire job and where to see the stored files.</summary>
public sealed record RenderRequestedResponse(string JobId, string RoundId, string Status, string StatusUrl);

/// <summary>A stored report file, without its bytes.</summary>
public sealed record RenderedReportResponse(
    string Kind,
    string Subject,
    string Language,
    string Format,
    string Fingerprint,
    string ContentType,
    long Length,
    string Sha256,
    string TemplateVersion,
    string SectorFingerprints,
    DateTimeOffset RenderedAt)
{
    public static RenderedReportResponse From(StoredReportSummary s) => new(
        s.Key.Kind, s.Key.Subject, s.Key.Language, s.Key.Format, s.Key.Fingerprint, s.ContentType, s.Length, s.Sha256, s.TemplateVersion,
        s.SectorFingerprints, s.RenderedAt);
}

public sealed record RenderedReportList(string RoundId, IReadOnlyList<RenderedReportResponse> Items);
