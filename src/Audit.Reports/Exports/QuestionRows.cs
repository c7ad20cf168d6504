using Audit.Core.Disclosure;
using Audit.Reports.Mapping;
using static Audit.Reports.Exports.SectorStatistics;

namespace Audit.Reports.Exports;

/// <summary>The long-format rows of one question: which statistics its type has, filled from its published figures.</summary>
internal sealed class QuestionRows(Theme theme, Question question, QuestionStatistics? stats, string? viewWithheld)
{
    private static readonly string[] Levels = Enumerable.Range(Question.MaturityMin, Question.MaturityMax - Question.MaturityMin + 1)
        .Select(l => l.ToString(CultureInfo.InvariantCulture)).ToArray();

    private readonly string _type = question.Type.ToWireName();

    /// <summary>Why the question's statistics are withheld (the whole view, or too few answers); null when published.</summary>
    private readonly string? _reason = viewWithheld ?? (stats is { Suppressed: true } ? stats.Reason ?? SuppressionReasons.TooFewAnswers : null);

    public IEnumerable<SectorStatisticRow> All(TrendItem? trend)
    {
        // Counts of institutions stay published when the statistics are withheld (they say why), unless the view is.
        yield return Row(Answered, stats?.Answered, countOfInstitutions: true);
        yield return Row(NotApplicable, stats?.NotApplicable, countOfInstitutions: true);
        var numeric = question.Type is QuestionType.Maturity or QuestionType.Number;
        if (numeric)
        {
            yield return Row(Mean, stats?.Mean);
            yield return Row(Median, stats?.Median);
            yield return Row(Q1, stats?.Q1);
            yield return Row(Q3, stats?.Q3);
        }
        if (question.Type is QuestionType.Maturity or QuestionType.YesNo or QuestionType.SingleChoice or QuestionType.MultiChoice)
        {
            var counts = stats?.Distribution?.ToDictionary(d => d.Option, StringComparer.Ordinal);
            foreach (var option in Options())
            {
                var count = counts?.GetValueOrDefault(option);
                yield return Row(Count, count?.Count, option: option);
                yield return Row(Percent, count?.Percent, option: option);
            }
        }
        var hasNorm = question.Norm is { AtLeast: not null } && numeric
            || question.Norm is { Values: not null } && question.Type is QuestionType.YesNo or QuestionType.SingleChoice;
        if (hasNorm)
        {
            if (question.Norm!.AtLeast is { } atLeast)
            {
                yield return new(QuestionLevel, theme.Key, question.Key, _type, Norm, null, null, null, atLeast, false, null);
            }
            yield return Row(MeetsNormCount, stats?.MeetsNorm?.Count);
            yield return Row(MeetsNormPercent, stats?.MeetsNorm?.Percent);
        }
        if (question.Type == QuestionType.Grid)
        {
            foreach (var row in GridRows())
            {
                yield return row;
            }
        }
        foreach (var row in SectorStatisticRows.TrendRows(QuestionLevel, theme.Key, question.Key, _type, trend, numeric, hasNorm))
        {
            yield return row;
        }
    }

    private IEnumerable<string> Options() => question.Type switch
    {
        QuestionType.Maturity => Levels,
        QuestionType.YesNo => OptionLabels.YesNoKeys,
        _ => question.Options.Select(o => o.Key),
    };

    private IEnumerable<SectorStatisticRow> GridRows()
    {
        var cells = stats?.Cells?.ToDictionary(c => (c.Row, c.Column));
        var rowTotals = stats?.RowTotals?.ToDictionary(r => r.Row, StringComparer.Ordinal);
        var columnTotals = stats?.ColumnTotals?.ToDictionary(c => c.Column, StringComparer.Ordinal);
        foreach (var row in question.Rows)
        {
            foreach (var column in question.Columns)
            {
                var cell = cells?.GetValueOrDefault((row.Key, column.Key));
                yield return Figure(CellSum, row.Key, column.Key, cell?.Sum, cell?.Suppressed, cell?.Reason);
            }
            var total = rowTotals?.GetValueOrDefault(row.Key);
            yield return Figure(RowTotal, row.Key, null, total?.Sum, total?.Suppressed, total?.Reason);
        }
        foreach (var column in question.Columns)
        {
            var total = columnTotals?.GetValueOrDefault(column.Key);
            yield return Figure(ColumnTotal, null, column.Key, total?.Sum, total?.Suppressed, total?.Reason);
        }
        yield return Figure(Total, null, null, stats?.Total?.Sum, stats?.Total?.Suppressed, stats?.Total?.Reason);
    }

    /// <summary>A grid figure: withheld with the question, or on its own (threshold, dominance, secondary).</summary>
    private SectorStatisticRow Figure(string statistic, string? row, string? column, long? sum, bool? suppressed, string? reason)
    {
        var hiddenReason = _reason ?? (suppressed == true ? reason ?? "" : null);
        return new(QuestionLevel, theme.Key, question.Key, _type, statistic, null, row, column,
            hiddenReason is null ? sum : null, hiddenReason is not null, hiddenReason);
    }

    private SectorStatisticRow Row(string statistic, decimal? value, bool countOfInstitutions = false, string? option = null)
    {
        var hiddenReason = countOfInstitutions ? viewWithheld : _reason;
        return new(QuestionLevel, theme.Key, question.Key, _type, statistic, option, null, null,
            hiddenReason is null ? value : null, hiddenReason is not null, hiddenReason);
    }
}
