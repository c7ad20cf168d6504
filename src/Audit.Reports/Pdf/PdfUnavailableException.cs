namespace Audit.Reports.Pdf;

/// <summary>
/// PDF output is not available on this server: the configured Chromium is missing or does not start. The API maps
/// it to 501 Not Implemented with this message, which names the setting to fix; HTML reports are unaffected.
/// </summary>
public sealed class PdfUnavailableException : Exception
{
    public PdfUnavailableException()
        : this("PDF output is not available.")
    {
    }

    public PdfUnavailableException(string message)
        : base(message)
    {
    }

    public PdfUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The configuration setting that names the browser: <see cref="PdfOptions.ChromiumPathSetting"/>.</summary>
    public string Setting { get; init; } = PdfOptions.ChromiumPathSetting;

    /// <summary>The executable that was configured.</summary>
    public string? ChromiumPath { get; init; }
}
