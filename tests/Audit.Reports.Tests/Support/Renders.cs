using Audit.Reports.Localization;
using Audit.Reports.Models;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;

namespace Audit.Reports.Tests.Support;

/// <summary>Renders a one-off template from a scratch folder with the given object as <c>report</c>.</summary>
internal static class Renders
{
    public static ReportRound Round { get; } = new(
        "2026-kennisveiligheid", "Audit kennisveiligheid 2026", "kennisveiligheid", "2026",
        new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero));

    public static string Template(string template, object report, ReportLanguage language = ReportLanguage.Nl, IReadOnlyDictionary<string, string>? partials = null)
    {
        var files = new Dictionary<string, string>(partials ?? new Dictionary<string, string>()) { ["reports/test.scriban-html"] = template };
        using var folder = TemplateFolders.Scratch(files);
        var renderer = new ReportRenderer(TemplateCatalog.Load(folder.Root), FixedClock.Default);
        return renderer.Render("reports/test.scriban-html", report, Round, [], new ReportRenderOptions(language)).Html;
    }
}
