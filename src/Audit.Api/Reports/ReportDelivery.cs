using System.Security.Cryptography;
using System.Text;
using Audit.Core.Reports;
using Audit.Reports.Localization;
using Audit.Reports.Pdf;

namespace Audit.Api.Reports;

/// <summary>
/// Answers a report request: the stored file of the report's current fingerprint when the render job has made one
/// (the same bytes on every download, and no browser needed for a stored PDF), else a render made now.
/// </summary>
public sealed class ReportDelivery(IRenderedReportRepository stored, IPdfRenderer pdf, PdfRenderQueue pdfQueue)
{
    /// <summary>
    /// The report is a document of its own, not a page of the site: its CSS is inline, so it gets a policy of its own
    /// that allows exactly that one stylesheet (by hash), inline SVG and no script or request at all, sandboxed. Only the
    /// site itself may frame it: the respondent's report page shows the feedback report inside the site's layout.
    /// </summary>
    private const string PolicyTemplate =
        "default-src 'none'; style-src {0}; img-src data:; form-action 'none'; frame-ancestors 'self'; base-uri 'none'; sandbox";

    /// <summary>
    /// A report request from start to end: the options asked for (400 before anything is read), the use case's data or
    /// its refusal, the view-model in that language, the file. <paramref name="delivered"/> runs only when a file went
    /// out, e.g. to put a confidential read on record.
    /// </summary>
    public async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> RespondAsync<T>(
        HttpContext http, string? lang, string? format, Func<Task<Outcome<T>>> read, Func<T, ReportLanguage, PreparedReport> prepare,
        Func<PreparedReport, ReportFormat, Task>? delivered, CancellationToken cancellationToken)
    {
        if (Options(http.Request, lang, format, out var language, out var reportFormat) is { } invalid)
        {
            return invalid;
        }
        if (!(await read()).TryGetValue(out var data, out var failure))
        {
            return OutcomeProblems.Problem(failure);
        }
        var report = prepare(data, language);
        var result = await DeliverAsync(http, report, reportFormat, cancellationToken);
        if (delivered is not null && result.Result is FileContentHttpResult)
        {
            await delivered(report, reportFormat);
        }
        return result;
    }

    private async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> DeliverAsync(
        HttpContext http, PreparedReport report, ReportFormat format, CancellationToken cancellationToken)
    {
        byte[] content;
        if (await stored.GetAsync(report.KeyFor(format), cancellationToken) is { } file)
        {
            content = file.Content;
        }
        else
        {
            // Only printing takes a slot: HTML renders in microseconds and a stored PDF is only read.
            using var slot = format == ReportFormat.Pdf ? await pdfQueue.EnterAsync(cancellationToken) : null;
            if (format == ReportFormat.Pdf && slot is null)
            {
                return PdfRenderQueue.Full(http);
            }
            try
            {
                content = await report.RenderAsync(format, pdf, cancellationToken);
            }
            catch (PdfUnavailableException e)
            {
                return PdfUnavailable(e);
            }
        }
        if (format == ReportFormat.Pdf)
        {
            return TypedResults.File(content, ReportFormats.PdfContentType, report.FileName + ".pdf");
        }
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(content);
        return TypedResults.File(content, ReportFormats.HtmlContentType);
    }

    /// <summary>501 naming the setting to fix; HTML keeps working.</summary>
    public static ProblemHttpResult PdfUnavailable(PdfUnavailableException e) =>
        ApiProblems.Status(StatusCodes.Status501NotImplemented, e.Message + " HTML reports are unaffected.",
            new Dictionary<string, object?> { ["setting"] = e.Setting });

    /// <summary>The report policy with the hash of the document's one <c>&lt;style&gt;</c> element (the layout's).</summary>
    internal static string ContentSecurityPolicy(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var start = text.IndexOf("<style>", StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("</style>", start, StringComparison.Ordinal);
        var source = end < 0
            ? "'none'"
            : $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text[(start + "<style>".Length)..end])))}'";
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, PolicyTemplate, source);
    }

    /// <summary>
    /// Parses <c>?lang=</c> (nl by default) and <c>?format=</c> (<c>html</c> or <c>pdf</c>; when absent, <c>Accept</c>
    /// decides). The query form exists because a plain link in a web page cannot set <c>Accept</c>. A 400 lists every
    /// invalid field.
    /// </summary>
    public static ValidationProblem? Options(HttpRequest request, string? lang, string? format, out ReportLanguage language, out ReportFormat reportFormat)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ReportLanguages.TryParse(lang, out language))
        {
            errors["lang"] = [$"lang must be one of {string.Join(", ", ReportLanguages.All.Select(l => l.Code()))}."];
        }
        if (!ReportFormats.TryChoose(request, format, out reportFormat))
        {
            errors["format"] = ["format must be html or pdf."];
        }
        return errors.Count == 0 ? null : ApiProblems.Validation(errors);
    }
}
