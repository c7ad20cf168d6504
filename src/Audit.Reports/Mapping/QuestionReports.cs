using Audit.Core.Disclosure;
using Audit.Reports.Models;

namespace Audit.Reports.Mapping;

/// <summary>One question's published statistics as the templates show them.</summary>
internal static class QuestionReports
{
    /// <param name="stats">The question's published statistics; null when the whole view is withheld.</param>
    /// <param name="viewReason">Why the whole view is withheld, for questions without statistics.</param>
    public static QuestionReport Sector(
        Questionnaire questionnaire, Question question, string number, QuestionStatistics? stats, TrendReport? trend, string? viewReason)
    {
        var type = question.Type.ToWireName();
        var norm = question.Type is QuestionType.Maturity or QuestionType.Number ? question.Norm?.AtLeast : null;
        if (stats is null || stats.Suppressed)
        {
            return new QuestionReport(
                question.Key, number, question.Text, type,
                stats?.Answered ?? 0, stats?.NotApplicable ?? 0,
                true, stats?.Reason ?? viewReason ?? SuppressionReasons.TooFewAnswers,
                null, norm, null, [], null, trend) { TextLang = LangOf(questionnaire, question.LocalizedText), Reference = question.Reference };
        }
        ScoreStats? score = stats is { Mean: { } mean, Median: { } median, Q1: { } q1, Q3: { } q3 }
            ? new ScoreStats(stats.Answered, mean, median, q1, q3)
            : null;
        var distribution = stats.Distribution?
            .Select(o => new DistributionItem(o.Option, OptionLabels.Of(questionnaire, question, o.Option), o.Count, o.Percent ?? 0m))
            .ToList() ?? [];
        return new QuestionReport(
            question.Key, number, question.Text, type, stats.Answered, stats.NotApplicable, false, null,
            score, norm, Norm(stats.MeetsNorm), distribution, Grid(question, stats), trend) { TextLang = LangOf(questionnaire, question.LocalizedText), Reference = question.Reference };
    }

    /// <summary>
    /// The language a text is really in when it differs from the report's. The questionnaire is the report's language
    /// view (<see cref="QuestionnaireTranslation.In"/>), whose texts carry the language they fell back to.
    /// </summary>
    public static string? LangOf(Questionnaire questionnaire, LocalizedText text) =>
        text.Language == questionnaire.Language ? null : text.Language;

    public static NormShare? Norm(NormCount? meets) =>
        meets is { Percent: { } percent } ? new NormShare(meets.Count, percent) : null;

    /// <summary>A published grid as a matrix in definition order; withheld figures keep only their reason.</summary>
    private static GridReport? Grid(Question question, QuestionStatistics stats)
    {
        if (question.Type != QuestionType.Grid || stats.Cells is null || stats.RowTotals is null || stats.ColumnTotals is null || stats.Total is null)
        {
            return null;
        }
        var cells = stats.Cells.ToDictionary(c => (c.Row, c.Column), c => Value(c.Sum, c.Suppressed, c.Reason));
        var rowTotals = stats.RowTotals.ToDictionary(r => r.Row, r => Value(r.Sum, r.Suppressed, r.Reason), StringComparer.Ordinal);
        var columnTotals = stats.ColumnTotals.ToDictionary(c => c.Column, c => Value(c.Sum, c.Suppressed, c.Reason), StringComparer.Ordinal);
        var rows = question.Rows.Select(row => new GridRow(
            row.Key,
            row.Label,
            question.Columns.Select(column => Lookup(cells, (row.Key, column.Key), question.Key)).ToList(),
            Lookup(rowTotals, row.Key, question.Key))).ToList();
        return new GridReport(
            question.Columns.Select(c => new GridAxisItem(c.Key, c.Label)).ToList(),
            rows,
            question.Columns.Select(c => Lookup(columnTotals, c.Key, question.Key)).ToList(),
            Value(stats.Total.Sum, stats.Total.Suppressed, stats.Total.Reason));
    }

    private static GridValue Value(long? sum, bool suppressed, string? reason) =>
        suppressed ? new GridValue(null, true, reason) : new GridValue(sum);

    private static GridValue Lookup<TKey>(Dictionary<TKey, GridValue> items, TKey key, string questionKey)
        where TKey : notnull =>
        items.TryGetValue(key, out var item)
            ? item
            : throw new ArgumentException($"Grid '{questionKey}' in the sector view has no figure for {key}.", nameof(items));
}
