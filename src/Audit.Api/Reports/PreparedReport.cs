using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Audit.Core.Reports;
using Audit.Reports.Localization;
using Audit.Reports.Provenance;
using Audit.Reports.Rendering;

namespace Audit.Api.Reports;

/// <summary>
/// A report whose data has been read and mapped, ready to render in either format. <see cref="Fingerprint"/> names
/// its inputs, so a stored file of the same fingerprint can be served instead of rendering again.
/// </summary>
/// <param name="Subject">The participation id (feedback), institution type (sector) or <see cref="RenderedReportKey.WholeRound"/>.</param>
/// <param name="FileName">The download name without extension, e.g. <c>sectorbeeld-2025-universiteit</c>.</param>
public sealed record PreparedReport(
    string RoundId,
    string Kind,
    string Subject,
    ReportLanguage Language,
    string Fingerprint,
    string TemplateVersion,
    IReadOnlyList<SectorFingerprint> SectorViews,
    string FileName,
    Func<ReportRenderOptions, RenderedReport> Render)
{
    public RenderedReportKey KeyFor(ReportFormat format) => new(RoundId, Kind, Subject, Language.Code(), format.Code(), Fingerprint);

    /// <summary>"type=fingerprint" per sector view shown, space-separated, as stored with the file.</summary>
    public string SectorFingerprints => string.Join(' ', SectorViews.Select(v => $"{v.InstitutionType}={v.Fingerprint}"));

    /// <summary>
    /// Renders the file: HTML as the web shows it, or the HTML with every chart's data table open (as paper needs
    /// it) for Chromium to print. A missing browser surfaces as <see cref="Audit.Reports.Pdf.PdfUnavailableException"/>.
    /// </summary>
    public async Task<byte[]> RenderAsync(ReportFormat format, Audit.Reports.Pdf.IPdfRenderer pdf, CancellationToken cancellationToken)
    {
        if (format == ReportFormat.Html)
        {
            return Encoding.UTF8.GetBytes(Render(new ReportRenderOptions(Language)).Html);
        }
        return await pdf.RenderAsync(Render(new ReportRenderOptions(Language, ExpandDataTables: true)).Html, cancellationToken);
    }
}

/// <summary>
/// The fingerprint of a report: SHA-256 over its kind, language, template version and the whole view-model the
/// template receives. The model holds every sector-view fingerprint it shows and everything else that reaches the
/// page (the institution's answers and name, the bureau's findings, the round's title), so any change that would
/// change the report changes the fingerprint, while the generation time, which is not part of the model, does not.
/// </summary>
public static class ReportFingerprint
{
    public static string Of(string kind, ReportLanguage language, string templateVersion, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{kind}\n{language.Code()}\n{templateVersion}\n"));
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(model, model.GetType()));
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
