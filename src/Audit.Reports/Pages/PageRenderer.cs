using Audit.Reports.Charts;
using Audit.Reports.Localization;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Scriban.Runtime;

namespace Audit.Reports.Pages;

/// <summary>
/// Renders the web pages under <c>templates/pages</c> with the reports' engine: the same escaping context (every
/// <c>{{ }}</c> output is HTML-escaped unless it is <see cref="RawHtml"/>), strict variables, the start-up catalog and
/// the <c>fmt.*</c> functions. The page template renders the body and sets <c>page_title</c> (and <c>page_wide</c> for a
/// page with a wide table); the layout wraps it.
/// <para>
/// Globals: <c>site</c> (the chrome the host builds: user, navigation, language switch, antiforgery field),
/// <c>page</c> (the page's own model), <c>lang</c>, <c>t</c> (texts of <c>pages/i18n</c>) and <c>fmt</c>. This class
/// knows nothing about users or HTTP; the host's view-models arrive as plain objects whose public properties
/// templates read in snake_case.
/// </para>
/// </summary>
public sealed class PageRenderer
{
    private readonly TemplateCatalog catalog;
    private readonly TemplateCatalog? reports;

    /// <param name="catalog">The page templates.</param>
    /// <param name="reports">
    /// The report templates, whose <c>chart.*</c> texts label the charts pages draw with <c>chart.bars</c> and
    /// <c>chart.box</c> (the reports' own chart code, so a page and a report draw the same picture). Without it pages
    /// have no <c>chart</c> functions.
    /// </param>
    public PageRenderer(TemplateCatalog catalog, TemplateCatalog? reports = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Folder != TemplateCatalog.PagesFolder)
        {
            throw new ArgumentException($"The page renderer needs the {TemplateCatalog.PagesFolder} catalog, not {catalog.Folder}.", nameof(catalog));
        }
        if (reports is not null && reports.Folder != TemplateCatalog.ReportsFolder)
        {
            throw new ArgumentException($"Chart texts come from the {TemplateCatalog.ReportsFolder} catalog, not {reports.Folder}.", nameof(reports));
        }
        this.catalog = catalog;
        this.reports = reports;
    }

    /// <summary>The canonical key of a page name: <c>start</c> → <c>pages/start.scriban-html</c>.</summary>
    public static string KeyOf(string page) => ConfinedTemplateLoader.ToKey($"{TemplateCatalog.PagesFolder}/{page}");

    /// <summary>True when the catalog holds the page, so a host can check its page names at start-up.</summary>
    public bool HasPage(string page) => catalog.Contains(KeyOf(page));

    /// <summary>Renders <paramref name="page"/> (a name such as <c>start</c>) wrapped in the layout, as a complete HTML document.</summary>
    public string Render(string page, ReportLanguage language, object site, object? model = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        var formatter = new ReportFormatter(language);
        var context = new ReportTemplateContext(catalog, formatter, expandDataTables: false);
        var globals = new ScriptObject();
        globals.SetValue("site", site, readOnly: true);
        globals.SetValue("page", model ?? new ScriptObject(), readOnly: true);
        globals.SetValue("lang", language.Code(), readOnly: true);
        globals.SetValue("t", catalog.Texts(language).ToScriptObject(), readOnly: true);
        globals.SetValue("fmt", ReportRenderer.FormatFunctions(formatter), readOnly: true);
        if (reports is not null)
        {
            globals.SetValue("chart", new ChartFunctions(reports.Texts(language), formatter).ToPageScriptObject(), readOnly: true);
        }
        // A page with a wide table sets page_wide = true; the layout then widens the content column (strict variables
        // would otherwise refuse the layout's test on pages that leave it unset).
        globals.SetValue("page_wide", false, readOnly: false);
        context.PushGlobal(globals);

        var body = catalog.Get(KeyOf(page)).Template.Render(context);
        globals.SetValue("content", new RawHtml(body), readOnly: true);
        return catalog.Get(catalog.Layout).Template.Render(context);
    }
}
