using Microsoft.Net.Http.Headers;

namespace Audit.Api.Reports;

/// <summary>The formats a report is delivered in: self-contained HTML, or a PDF printed from it by Chromium.</summary>
public enum ReportFormat
{
    Html,
    Pdf,
}

public static class ReportFormats
{
    public const string HtmlContentType = "text/html; charset=utf-8";
    public const string PdfContentType = "application/pdf";

    /// <summary>The code in a stored file's key.</summary>
    public static string Code(this ReportFormat format) => format == ReportFormat.Pdf ? "pdf" : "html";

    public static string ContentType(this ReportFormat format) => format == ReportFormat.Pdf ? PdfContentType : HtmlContentType;

    /// <summary>The format named by <c>?format=</c> (html or pdf), or negotiated on <c>Accept</c> when absent; false for another name.</summary>
    public static bool TryChoose(HttpRequest request, string? format, out ReportFormat chosen)
    {
        switch (format?.ToLowerInvariant())
        {
            case null or "":
                chosen = Negotiate(request);
                return true;
            case "html":
                chosen = ReportFormat.Html;
                return true;
            case "pdf":
                chosen = ReportFormat.Pdf;
                return true;
            default:
                chosen = ReportFormat.Html;
                return false;
        }
    }

    /// <summary>
    /// Content negotiation on <c>Accept</c>: PDF when the client ranks <c>application/pdf</c> above HTML (a tie goes to
    /// whichever it lists first), otherwise HTML. No other format exists and no endpoint of this API answers 406,
    /// so an Accept that names neither (or nothing at all) gets the HTML, the report's own form.
    /// </summary>
    public static ReportFormat Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var pdf = Rank(accept, "application/pdf", "application/*");
        var html = Rank(accept, "text/html", "text/*");
        if (pdf.Quality <= 0)
        {
            return ReportFormat.Html;
        }
        return pdf.Quality > html.Quality || (pdf.Quality == html.Quality && pdf.Position < html.Position)
            ? ReportFormat.Pdf
            : ReportFormat.Html;
    }

    /// <summary>The quality of the most specific range that matches, and where it stands in the header.</summary>
    private static (double Quality, int Position) Rank(IList<MediaTypeHeaderValue> accept, string exact, string family)
    {
        (double Quality, int Position, int Specificity) best = (0, int.MaxValue, -1);
        for (var i = 0; i < accept.Count; i++)
        {
            var range = accept[i].MediaType.Value ?? "";
            var specificity = string.Equals(range, exact, StringComparison.OrdinalIgnoreCase) ? 2
                : string.Equals(range, family, StringComparison.OrdinalIgnoreCase) ? 1
                : range == "*/*" ? 0
                : -1;
            if (specificity > best.Specificity)
            {
                best = (accept[i].Quality ?? 1, i, specificity);
            }
        }
        return (best.Quality, best.Position);
    }
}
