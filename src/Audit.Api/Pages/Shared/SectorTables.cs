using Audit.Api.Pages.Bureau;
using Audit.Core.Questionnaires;
using Audit.Core.SectorViews;
using Audit.Reports.Mapping;
using Audit.Reports.Models;

namespace Audit.Api.Pages.Shared;

/// <summary>
/// One figure of a sector view. <see cref="Withheld"/>: the disclosure rules keep it out of the published view. In a
/// published view such a figure has no value and prints as "×"; in the bureau's internal view it keeps its value and
/// is marked, so the bureau sees what the ministry will not.
/// </summary>
public sealed record StatCell(decimal? Value, bool Withheld)
{
    public static StatCell Of(decimal? value, bool withheld) => new(value, withheld);
}

/// <summary>A row of a distribution; <see cref="LabelKey"/> (yes, no, not_applicable) names a text under <c>t.answer</c> instead of <see cref="Label"/>.</summary>
public sealed record OptionRow(string Label, string? LabelKey, StatCell Count, StatCell Percent);

public sealed record GridStatRow(string Label, IReadOnlyList<StatCell> Cells, StatCell Total);

public sealed record GridStat(IReadOnlyList<string> Columns, IReadOnlyList<GridStatRow> Rows, IReadOnlyList<StatCell> ColumnTotals, StatCell Total);

/// <summary>
/// The statistics of one question; figures that do not apply to its type are null. <see cref="Chart"/>: the report's
/// bar chart of it (see <see cref="SectorPageCharts"/>), null when the reports draw none (no distribution, withheld).
/// </summary>
public sealed record QuestionStat(
    string Number, string Text, string Type, string? Unit, int Answered, int NotApplicable, bool Withheld, string? Reason,
    StatCell? Mean, StatCell? Median, StatCell? Q1, StatCell? Q3, StatCell? Min, StatCell? Max, StatCell? MeetsNorm,
    IReadOnlyList<OptionRow>? Distribution, GridStat? Grid, QuestionReport? Chart = null);

/// <summary>A theme's score statistics and questions; <see cref="Chart"/>: the report's box plot, null when withheld or without a score.</summary>
public sealed record ThemeStat(
    int Number, string Title, int N, bool Withheld, string? Reason, StatCell Mean, StatCell Median, StatCell Q1, StatCell Q3, decimal? Norm,
    StatCell? MeetsNorm, IReadOnlyList<QuestionStat> Questions, ThemeReport? Chart = null);

/// <summary>
/// A sector view as tables for <c>pages/_sector-tables</c>: the response, per theme its score statistics and per
/// question the figures its type has, in questionnaire order. <see cref="Withheld"/> is a published view withheld as a
/// whole (too few institutions); it then has no themes.
/// </summary>
public sealed record SectorTables(
    string View, string InstitutionType, int? Included, bool Withheld, string? Reason, ResponseBlock? Response, DateTimeOffset ComputedAt,
    string Fingerprint, bool HasWithheldFigures, IReadOnlyList<ThemeStat> Themes)
{
    public bool IsInternal => View == SectorViewKinds.Internal;

    public static SectorTables Of(Questionnaire questionnaire, SectorView view)
    {
        var published = view.View == SectorViewKinds.Published;
        var themes = view.Themes.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var questions = view.Questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        var result = new List<ThemeStat>();
        var anyWithheld = false;
        var charts = SectorPageCharts.Of(questionnaire, view);
        // A published view withheld as a whole has no figures at all: there is nothing to tabulate.
        for (var t = 0; t < questionnaire.Themes.Count && !(published && view.Suppressed); t++)
        {
            var theme = questionnaire.Themes[t];
            var stats = themes.GetValueOrDefault(theme.Key);
            var themeWithheld = stats?.Suppressed ?? false;
            anyWithheld |= themeWithheld;
            var rows = new List<QuestionStat>();
            for (var q = 0; q < theme.Questions.Count; q++)
            {
                var question = theme.Questions[q];
                if (questions.GetValueOrDefault(question.Key) is { } qs)
                {
                    var stat = Question(question, qs, AnswerDisplay.NumberOf(t, q)) with { Chart = charts.Questions.GetValueOrDefault(question.Key) };
                    anyWithheld |= stat.Withheld || stat.Grid is { } g && (g.Total.Withheld || g.Rows.Any(r => r.Total.Withheld || r.Cells.Any(c => c.Withheld)));
                    rows.Add(stat);
                }
            }
            result.Add(new ThemeStat(t + 1, theme.Title, stats?.N ?? 0, themeWithheld, stats?.Reason,
                StatCell.Of(stats?.Mean, themeWithheld), StatCell.Of(stats?.Median, themeWithheld), StatCell.Of(stats?.Q1, themeWithheld),
                StatCell.Of(stats?.Q3, themeWithheld), stats?.Norm ?? theme.EffectiveNorm,
                stats?.Norm is null ? null : StatCell.Of(stats.MeetsNorm?.Percent, themeWithheld), rows, charts.Themes.GetValueOrDefault(theme.Key)));
        }
        return new SectorTables(view.View, view.InstitutionType, view.Included, view.Suppressed, view.Reason, view.Response, view.ComputedAt,
            view.Fingerprint, anyWithheld || view.Suppressed, result);
    }

    private static QuestionStat Question(Question question, QuestionStatistics s, string number)
    {
        var w = s.Suppressed;
        StatCell? Cell(decimal? value, bool applies) => applies ? StatCell.Of(value, w) : null;
        var numeric = question.Type is QuestionType.Maturity or QuestionType.Number;
        var hasNorm = question.Norm is not null && question.Type is not (QuestionType.Grid or QuestionType.Text or QuestionType.MultiChoice);
        var distribution = question.Type is QuestionType.Maturity or QuestionType.YesNo or QuestionType.SingleChoice or QuestionType.MultiChoice
            ? (s.Distribution ?? []).Select(o => Option(question, o, w)).ToList()
            : null;
        return new QuestionStat(number, question.Text, question.Type.ToWireName(), question.Unit, s.Answered, s.NotApplicable, w, s.Reason,
            Cell(s.Mean, numeric), Cell(s.Median, numeric), Cell(s.Q1, numeric), Cell(s.Q3, numeric),
            s.Min is null ? null : StatCell.Of(s.Min, true), s.Max is null ? null : StatCell.Of(s.Max, true),
            Cell(s.MeetsNorm?.Percent, hasNorm), distribution is { Count: 0 } && w ? null : distribution,
            question.Type == QuestionType.Grid ? Grid(question, s) : null);
    }

    private static OptionRow Option(Question question, OptionCount option, bool withheld)
    {
        var (label, key) = question.Type switch
        {
            QuestionType.YesNo => (option.Option, (string?)option.Option),
            QuestionType.Maturity when int.TryParse(option.Option, out var level) && question.Levels?.GetValueOrDefault(level) is { } name =>
                ($"{option.Option} – {name}", null),
            _ when option.Option == Core.Questionnaires.Question.NotApplicable => (option.Option, option.Option),
            _ => (question.Options.FirstOrDefault(o => o.Key == option.Option)?.Label ?? option.Option, null),
        };
        return new OptionRow(label, key, StatCell.Of(option.Count, withheld), StatCell.Of(option.Percent, withheld));
    }

    private static GridStat? Grid(Question question, QuestionStatistics s)
    {
        if (s.Cells is null && s.Suppressed)
        {
            return null; // published and withheld as a whole: the question's note says so
        }
        var cells = (s.Cells ?? []).ToDictionary(c => (c.Row, c.Column));
        var rowTotals = (s.RowTotals ?? []).ToDictionary(r => r.Row, StringComparer.Ordinal);
        var columnTotals = (s.ColumnTotals ?? []).ToDictionary(c => c.Column, StringComparer.Ordinal);
        var rows = question.Rows.Select(r => new GridStatRow(r.Label,
            question.Columns.Select(c => cells.TryGetValue((r.Key, c.Key), out var cell) ? StatCell.Of(cell.Sum, cell.Suppressed || s.Suppressed) : StatCell.Of(0, s.Suppressed)).ToList(),
            rowTotals.TryGetValue(r.Key, out var total) ? StatCell.Of(total.Sum, total.Suppressed || s.Suppressed) : StatCell.Of(null, s.Suppressed))).ToList();
        var columns = question.Columns.Select(c => columnTotals.TryGetValue(c.Key, out var total)
            ? StatCell.Of(total.Sum, total.Suppressed || s.Suppressed) : StatCell.Of(null, s.Suppressed)).ToList();
        return new GridStat([.. question.Columns.Select(c => c.Label)], rows, columns,
            StatCell.Of(s.Total?.Sum, (s.Total?.Suppressed ?? false) || s.Suppressed));
    }
}
