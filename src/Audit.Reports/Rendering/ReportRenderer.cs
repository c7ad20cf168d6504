using System.Collections.Concurrent;
using Audit.Reports.Charts;
using Audit.Reports.Localization;
using Audit.Reports.Models;
using Audit.Reports.Provenance;
using Audit.Reports.Templates;
using Scriban.Runtime;

namespace Audit.Reports.Rendering;

/// <summary>
/// Renders the reports from their view-models. Each render gets a fresh <see cref="ReportTemplateContext"/>;
/// the parsed templates are shared and immutable, so the renderer is safe to use from many requests at once.
/// The report template renders the body (and sets <c>page_title</c> and <c>running_footer</c>); the layout then
/// wraps it with the document head, the print CSS and the provenance footer.
/// </summary>
public sealed class ReportRenderer(TemplateCatalog catalog, TimeProvider time)
{
    public const string FeedbackTemplate = "reports/feedback.scriban-html";
    public const string SectorTemplate = "reports/sector.scriban-html";
    public const string ParliamentTemplate = "reports/parliament.scriban-html";
    public const string BoardSummaryTemplate = "reports/board-summary.scriban-html";
    public const string NationalTemplate = "reports/national.scriban-html";

    private readonly TemplateCatalog catalog = catalog.Folder == TemplateCatalog.ReportsFolder
        ? catalog
        : throw new ArgumentException($"The report renderer needs the {TemplateCatalog.ReportsFolder} catalog, not {catalog.Folder}.", nameof(catalog));

    /// <summary>Charts drawn before, shared by every render (the feedback reports of a sector repeat them).</summary>
    private readonly ChartCache _charts = new();

    /// <summary>The <c>t</c>, <c>fmt</c> and <c>chart</c> objects of each language, built once and shared read-only by every render.</summary>
    private readonly ConcurrentDictionary<ReportLanguage, LanguageGlobals> _languages = new();

    /// <summary>
    /// What every render in one language shares. Frozen (<see cref="ScriptObject.IsReadOnly"/>, all the way down), so
    /// a template cannot change or add a text or function for the renders after it: that fails the render instead.
    /// </summary>
    private sealed class LanguageGlobals(TemplateCatalog catalog, ReportLanguage language, ChartCache charts)
    {
        public ReportFormatter Formatter { get; } = new(language);

        public ScriptObject Texts { get; } = Freeze(catalog.Texts(language).ToScriptObject());

        public ScriptObject Format { get; } = Freeze(FormatFunctions(new ReportFormatter(language)));

        public ScriptObject Charts { get; } = Freeze(new ChartFunctions(catalog.Texts(language), new ReportFormatter(language), charts).ToScriptObject());

        private static ScriptObject Freeze(ScriptObject tree)
        {
            foreach (var value in tree.Values)
            {
                if (value is ScriptObject nested)
                {
                    Freeze(nested);
                }
            }
            tree.IsReadOnly = true;
            return tree;
        }
    }

    public RenderedReport RenderFeedback(FeedbackReport report, ReportRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Render(FeedbackTemplate, report, report.Round, [Fingerprint(report.Sector)], options ?? ReportRenderOptions.Default);
    }

    public RenderedReport RenderSector(SectorReportDocument report, ReportRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Render(SectorTemplate, report, report.Round, [Fingerprint(report.Sector)], options ?? ReportRenderOptions.Default);
    }

    public RenderedReport RenderParliament(ParliamentReport report, ReportRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Render(ParliamentTemplate, report, report.Round, [.. report.Sectors.Select(Fingerprint)], options ?? ReportRenderOptions.Default);
    }

    public RenderedReport RenderBoardSummary(BoardSummary report, ReportRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Render(BoardSummaryTemplate, report, report.Round, [new SectorFingerprint(report.Institution.Type, report.SectorFingerprint)],
            options ?? ReportRenderOptions.Default);
    }

    /// <summary>
    /// The national report of a cycle. Its provenance names every round (wave) it is made of and every sector view's
    /// fingerprint; the questionnaire is the first wave's (the waves of a cycle ask the same one).
    /// </summary>
    public RenderedReport RenderNational(NationalReport report, ReportRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var first = report.Rounds[0];
        var versions = string.Join(", ", report.Rounds.Select(r => r.QuestionnaireVersion).Distinct(StringComparer.Ordinal));
        var rounds = first with { Id = string.Join(", ", report.Rounds.Select(r => r.Id)), QuestionnaireVersion = versions };
        return Render(NationalTemplate, report, rounds,
            [.. report.Chapters.Select(c => Fingerprint(c.Sector))], options ?? ReportRenderOptions.Default);
    }

    /// <summary>Renders any catalog template with <paramref name="report"/> as <c>report</c>; the methods above use it.</summary>
    internal RenderedReport Render(string templateKey, object report, ReportRound round, IReadOnlyList<SectorFingerprint> sectorViews, ReportRenderOptions options)
    {
        var provenance = new ReportProvenance(
            round.Id,
            round.QuestionnaireKey,
            round.QuestionnaireVersion,
            sectorViews,
            catalog.TemplateVersion(templateKey, options.Language),
            time.GetUtcNow(),
            options.Language.Code());
        var shared = _languages.GetOrAdd(options.Language, language => new LanguageGlobals(catalog, language, _charts));
        var context = new ReportTemplateContext(catalog, shared.Formatter, options.ExpandDataTables);
        var globals = new ScriptObject();
        globals.SetValue("report", report, readOnly: true);
        globals.SetValue("provenance", provenance, readOnly: true);
        globals.SetValue("lang", options.Language.Code(), readOnly: true);
        globals.SetValue("t", shared.Texts, readOnly: true);
        globals.SetValue("fmt", shared.Format, readOnly: true);
        globals.SetValue("chart", shared.Charts, readOnly: true);
        context.PushGlobal(globals);

        var body = catalog.Get(templateKey).Template.Render(context);
        globals.SetValue("content", new RawHtml(body), readOnly: true);
        var html = catalog.Get(catalog.Layout).Template.Render(context);
        return new RenderedReport(html, provenance);
    }

    private static SectorFingerprint Fingerprint(SectorReport sector) => new(sector.InstitutionType, sector.Fingerprint);

    /// <summary>The <c>fmt.*</c> functions; pages use the same ones.</summary>
    internal static ScriptObject FormatFunctions(ReportFormatter formatter)
    {
        // Typed delegates (CreateFunc) rather than Import: Import wraps a delegate in a function that calls it through
        // reflection on every call, about a fifth of a feedback report's render. Same parameters, defaults and conversions.
        var functions = new ScriptObject();
        Add(functions, "number", DelegateCustomFunction.CreateFunc(new Func<decimal?, int?, string>(formatter.Number)));
        Add(functions, "percent", DelegateCustomFunction.CreateFunc(new Func<decimal?, int, string>(formatter.Percent)));
        Add(functions, "delta", DelegateCustomFunction.CreateFunc(new Func<decimal?, int?, string>(formatter.Delta)));
        Add(functions, "date", DelegateCustomFunction.CreateFunc(new Func<DateTimeOffset?, string>(formatter.Date)));
        Add(functions, "datetime", DelegateCustomFunction.CreateFunc(new Func<DateTimeOffset?, string>(formatter.DateTime)));
        Add(functions, "iso", DelegateCustomFunction.CreateFunc(new Func<DateTimeOffset?, string>(ReportFormatter.Iso)));
        Add(functions, "fill", DelegateCustomFunction.CreateFunc(new Func<string, object?[], string>(formatter.Fill)));
        Add(functions, "css_string", DelegateCustomFunction.CreateFunc(new Func<string?, RawHtml>(CssText.Quote)));
        Add(functions, "markdown", DelegateCustomFunction.CreateFunc(new Func<string?, RawHtml>(SafeMarkdown.ToHtml)));
        return functions;
    }

    /// <summary>As <c>Import</c> sets a function: read-only.</summary>
    internal static void Add(ScriptObject functions, string name, IScriptCustomFunction function) => functions.SetValue(name, function, readOnly: true);
}
