namespace Audit.Reports.Pdf;

/// <summary>Prints a rendered, self-contained HTML report to PDF (A4, backgrounds printed).</summary>
public interface IPdfRenderer
{
    /// <exception cref="PdfUnavailableException">No usable browser is configured; the API answers 501.</exception>
    Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default);
}
