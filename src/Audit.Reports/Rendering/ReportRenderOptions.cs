using Audit.Reports.Localization;

namespace Audit.Reports.Rendering;

/// <summary>How to render: the language, and whether chart data tables start open (for print and PDF).</summary>
public sealed record ReportRenderOptions(ReportLanguage Language = ReportLanguage.Nl, bool ExpandDataTables = false)
{
    public static ReportRenderOptions Default { get; } = new();
}

/// <summary>A rendered report: self-contained HTML and what it was made from.</summary>
public sealed record RenderedReport(string Html, Provenance.ReportProvenance Provenance);
