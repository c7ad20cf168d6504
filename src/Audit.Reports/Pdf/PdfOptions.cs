namespace Audit.Reports.Pdf;

/// <summary>
/// How PDFs are made: the Chromium executable Playwright drives. Bound from the configuration section
/// <see cref="Section"/> ("Reports"), so the executable is the setting <see cref="ChromiumPathSetting"/>.
/// </summary>
public sealed class PdfOptions
{
    public const string Section = "Reports";
    public const string ChromiumPathSetting = Section + ":" + nameof(ChromiumPath);
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary>The Chromium (or Chrome) executable; Debian's <c>chromium</c> package installs it at the default.</summary>
    public string ChromiumPath { get; set; } = DefaultChromiumPath;

    /// <summary>How long loading the HTML and printing it may take, each.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
