using Audit.Reports.Localization;
using Audit.Reports.Models;
using Audit.Reports.Rendering;
using Scriban;
using Scriban.Runtime;

namespace Audit.Reports.Charts;

/// <summary>
/// The <c>chart.*</c> functions templates call: they turn view-model data into chart data and return the SVG
/// with its table as <see cref="RawHtml"/>. A chart of a suppressed question or theme is a template bug, not an
/// empty picture, so it fails the render.
/// </summary>
internal sealed class ChartFunctions(ReportTexts texts, ReportFormatter format, ChartCache? cache = null)
{
    private readonly ChartLabels labels = new(texts, format);

    public ScriptObject ToScriptObject()
    {
        var functions = new ScriptObject();
        // Typed delegates, not Import (which calls through reflection): see ReportRenderer.FormatFunctions.
        ReportRenderer.Add(functions, "bars", DelegateCustomFunction.CreateFunc(new Func<TemplateContext, QuestionReport, OwnAnswer?, RawHtml>(Bars)));
        ReportRenderer.Add(functions, "box", DelegateCustomFunction.CreateFunc(new Func<TemplateContext, ThemeReport, decimal?, RawHtml>(Box)));
        ReportRenderer.Add(functions, "board", DelegateCustomFunction.CreateFunc(new Func<TemplateContext, BoardSummary, RawHtml>(Board)));
        ReportRenderer.Add(functions, "overview", DelegateCustomFunction.CreateFunc(new Func<TemplateContext, IReadOnlyList<OverviewTheme>, RawHtml>(Overview)));
        ReportRenderer.Add(functions, "change", DelegateCustomFunction.CreateFunc(new Func<TemplateContext, DevelopmentSector, RawHtml>(Change)));
        return functions;
    }

    /// <summary><c>chart.overview report.overview</c>: every theme × type of the national report, with its table.</summary>
    public RawHtml Overview(TemplateContext context, IReadOnlyList<OverviewTheme> themes) =>
        new(OverviewChart.Render(themes, Placement(context), labels));

    /// <summary><c>chart.change sector</c>: one type's change since its baseline, per theme, with its table.</summary>
    public RawHtml Change(TemplateContext context, DevelopmentSector sector) =>
        new(ChangeChart.Render(sector, Placement(context), labels));

    /// <summary>
    /// The same charts for the web pages (<c>chart.bars question</c>, <c>chart.box theme</c>), as the bare SVG: a
    /// page puts its own table, with its own "×" marks, behind the chart. Same data and code as the report's, drawn in
    /// the <see cref="ChartLayout.Compact"/> layout so that a phone shows the text at a readable size.
    /// </summary>
    public ScriptObject ToPageScriptObject()
    {
        var functions = new ScriptObject();
        functions.Import("bars", new Func<TemplateContext, QuestionReport, RawHtml>((context, question) =>
            new RawHtml(StackedBarChart.Draw(BarData(question, null), Placement(context).Id, labels, ChartLayout.Compact))));
        functions.Import("box", new Func<TemplateContext, ThemeReport, RawHtml>((context, theme) =>
            new RawHtml(BoxPlotChart.Draw(BoxData(theme, null), Placement(context).Id, labels, ChartLayout.Compact))));
        return functions;
    }

    /// <summary><c>chart.bars question [own_answer]</c>: the distribution of a maturity, yes/no or choice question.</summary>
    public RawHtml Bars(TemplateContext context, QuestionReport question, OwnAnswer? own = null)
    {
        var data = BarData(question, own);
        var placement = Placement(context);
        return Drawn(() => ChartCache.KeyOf(placement, data), () => StackedBarChart.Render(data, placement, labels));
    }

    /// <summary><c>chart.box theme [own_score]</c>: the sector's theme-score quartiles, with the own score if given.</summary>
    public RawHtml Box(TemplateContext context, ThemeReport theme, decimal? own = null)
    {
        var data = BoxData(theme, own);
        var placement = Placement(context);
        return Drawn(() => ChartCache.KeyOf(placement, data), () => BoxPlotChart.Render(data, placement, labels));
    }

    /// <summary>
    /// <c>chart.board summary</c>: every theme with published sector figures on one shared scale, the sector's middle
    /// half and median, the own score and the norm. Only the SVG: the board summary's own table beside it carries the
    /// numbers (with the trend), so a second data table would say the same twice on a two-page document.
    /// </summary>
    public RawHtml Board(TemplateContext context, BoardSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var shown = summary.Themes.Where(t => t.Sector is not null).ToList();
        if (shown.Count == 0)
        {
            throw new InvalidOperationException("Every theme of this sector is withheld; the template must not chart it.");
        }
        var rows = shown.Select(t => new BoxRow(t.Title, t.Sector!.N, t.Sector.Q1, t.Sector.Median, t.Sector.Q3, t.OwnScore, t.Norm)).ToList();
        var description = string.Join(" ", shown.Select(t =>
            format.Fill(labels["box_desc"], t.Title, t.Sector!.Median, t.Sector.Q1, t.Sector.Q3, t.Sector.N)
            + (t.OwnScore is null ? "" : " " + format.Fill(labels["box_own_desc"], t.OwnScore))
            + (t.Norm is null ? "" : " " + format.Fill(labels["box_norm_desc"], t.Norm))));
        var placement = Placement(context);
        var data = new BoxPlotData(texts["board_summary.chart_title"], description, labels["theme"], 0, 5, rows);
        return new RawHtml($"<div class=\"chart\" id=\"{placement.Id}\">\n{BoxPlotChart.Draw(data, placement.Id, labels, ChartLayout.PrintDense)}</div>\n");
    }

    /// <summary>A chart from the cache when there is one (its key built only then), else drawn now.</summary>
    private RawHtml Drawn(Func<string> key, Func<string> render) => new(cache is null ? render() : cache.GetOrAdd(texts, key(), render));

    private StackedBarData BarData(QuestionReport question, OwnAnswer? own)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Suppressed)
        {
            throw new InvalidOperationException($"Question '{question.Key}' is suppressed; the template must not chart it.");
        }
        var ownKeys = own?.OptionKeys ?? [];
        return question.Type == "multi_choice" ? MultiChoice(question, ownKeys) : SingleBar(question, ownKeys);
    }

    private BoxPlotData BoxData(ThemeReport theme, decimal? own)
    {
        ArgumentNullException.ThrowIfNull(theme);
        if (theme.Suppressed || theme.Score is not { } score)
        {
            throw new InvalidOperationException($"Theme '{theme.Key}' is suppressed; the template must not chart it.");
        }
        var description = format.Fill(labels["box_desc"], theme.Title, score.Median, score.Q1, score.Q3, score.N)
            + (own is null ? "" : " " + format.Fill(labels["box_own_desc"], own))
            + (theme.Norm is null ? "" : " " + format.Fill(labels["box_norm_desc"], theme.Norm));
        var row = new BoxRow(theme.Title, score.N, score.Q1, score.Median, score.Q3, own, theme.Norm);
        // Theme scores are means of maturity levels, so the scale is the maturity scale 0..5.
        return new BoxPlotData(theme.Title, description, labels["theme"], 0, 5, [row]);
    }

    private StackedBarData SingleBar(QuestionReport question, IReadOnlyList<string> ownKeys)
    {
        var items = question.Distribution;
        if (items.Count == 0 || question.Type is not ("maturity" or "yes_no" or "single_choice"))
        {
            throw new InvalidOperationException($"Question '{question.Key}' ({question.Type}) has no distribution to chart.");
        }
        var categories = items.Select((item, i) => new BarCategory(item.Option, item.Label, ColorOf(question.Type, item.Option, i))).ToList();
        var ownIndex = items.Select((item, i) => (item, i)).Where(x => ownKeys.Contains(x.item.Option)).Select(x => (int?)x.i).FirstOrDefault();
        var row = new BarRow("", items.Select(i => i.Count).ToList(), items.Select(i => i.Percent).ToList(), ownIndex);
        var parts = string.Join(", ", items.Select(i => $"{i.Label} {format.Number(i.Count)} ({format.Percent(i.Percent)})"));
        var description = format.Fill(labels["bars_desc"], question.Answered, parts)
            + (ownIndex is { } o ? " " + format.Fill(labels["bars_own_desc"], items[o].Label) : "");
        return new StackedBarData(question.Text, description, labels["answer"], categories, [row]);
    }

    private StackedBarData MultiChoice(QuestionReport question, IReadOnlyList<string> ownKeys)
    {
        // Options are not exclusive, so one bar per option: chosen versus not chosen by the respondents.
        var categories = new[]
        {
            new BarCategory("chosen", labels["chosen"], ChartPalette.Chosen),
            new BarCategory("not_chosen", labels["not_chosen"], ChartPalette.NotChosen),
        };
        var rows = question.Distribution.Select(item => new BarRow(
            item.Label,
            [item.Count, Math.Max(question.Answered - item.Count, 0)],
            [item.Percent, 100 - item.Percent],
            ownKeys.Contains(item.Option) ? 0 : null)).ToList();
        var parts = string.Join(", ", question.Distribution.Select(i => $"{i.Label} {format.Number(i.Count)} ({format.Percent(i.Percent)})"));
        var description = format.Fill(labels["multi_desc"], question.Answered, parts);
        return new StackedBarData(question.Text, description, labels["option"], categories, rows);
    }

    private static string ColorOf(string type, string option, int index) => (type, option) switch
    {
        (_, "not_applicable") => ChartPalette.NotApplicable,
        ("yes_no", "yes") => ChartPalette.Yes,
        ("yes_no", "no") => ChartPalette.No,
        ("maturity", _) when int.TryParse(option, out var level) => ChartPalette.Maturity[Math.Clamp(level, 0, ChartPalette.Maturity.Count - 1)],
        _ => ChartPalette.Categorical[index % ChartPalette.Categorical.Count],
    };

    /// <summary>Which questions the reports (and so the pages) chart: the distribution types, when they have one.</summary>
    public static bool HasBars(QuestionReport question) =>
        !question.Suppressed && question.Distribution.Count > 0 && question.Type is ("maturity" or "yes_no" or "single_choice" or "multi_choice");

    private static ChartPlacement Placement(TemplateContext context) =>
        context is ReportTemplateContext report
            ? new ChartPlacement(report.NextChartId(), report.ExpandDataTables)
            : throw new InvalidOperationException("Charts render only inside a report context.");
}
