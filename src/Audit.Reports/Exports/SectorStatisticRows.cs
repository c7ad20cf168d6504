using Audit.Core.Disclosure;
using Audit.Reports.Mapping;
using static Audit.Reports.Exports.SectorStatistics;

namespace Audit.Reports.Exports;

/// <summary>
/// Flattens a PUBLISHED sector view into <see cref="SectorStatisticRow"/>s. The rows follow the questionnaire, not
/// the view: every view of the same questionnaire has the same rows in the same order (a statistic withheld or a
/// view withheld as a whole gives an empty value with a reason), so files of different sectors and rounds stack.
/// </summary>
public static class SectorStatisticRows
{
    public static IEnumerable<SectorStatisticRow> Of(Questionnaire questionnaire, SectorView published)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        PublishedViews.CheckPublished(published, nameof(published));
        if (published.Questionnaire.Key != questionnaire.Key || published.Questionnaire.Version != questionnaire.Version)
        {
            throw new ArgumentException(
                $"The sector view answers {published.Questionnaire.Key} {published.Questionnaire.Version}, not {questionnaire.Key} {questionnaire.Version}.",
                nameof(questionnaire));
        }
        return Rows(questionnaire, published);
    }

    private static IEnumerable<SectorStatisticRow> Rows(Questionnaire questionnaire, SectorView view)
    {
        var withheld = view.Suppressed ? view.Reason ?? SuppressionReasons.GroupTooSmall : null;
        var response = view.Response;
        SectorStatisticRow Sector(string statistic, decimal? value) =>
            new(SectorLevel, null, null, null, statistic, null, null, null, withheld is null ? value : null, withheld is not null, withheld);
        yield return Sector(Included, view.Included);
        yield return Sector(Invited, response?.Invited);
        yield return Sector(InProgress, response?.InProgress);
        yield return Sector(Submitted, response?.Submitted);
        yield return Sector(Returned, response?.Returned);
        yield return Sector(Accepted, response?.Accepted);
        yield return Sector(ResponseRate, response?.ResponseRate);

        var themes = view.Themes.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var questions = view.Questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        var themeTrends = view.Trend?.Themes.ToDictionary(t => t.Key, StringComparer.Ordinal) ?? [];
        var questionTrends = view.Trend?.Questions.ToDictionary(t => t.Key, StringComparer.Ordinal) ?? [];
        foreach (var theme in questionnaire.Themes)
        {
            foreach (var row in ThemeRows(theme, themes.GetValueOrDefault(theme.Key), withheld, themeTrends.GetValueOrDefault(theme.Key)))
            {
                yield return row;
            }
            foreach (var question in theme.Questions)
            {
                var rows = new QuestionRows(theme, question, questions.GetValueOrDefault(question.Key), withheld);
                foreach (var row in rows.All(questionTrends.GetValueOrDefault(question.Key)))
                {
                    yield return row;
                }
            }
        }
    }

    private static IEnumerable<SectorStatisticRow> ThemeRows(Theme theme, ThemeStatistics? stats, string? viewWithheld, TrendItem? trend)
    {
        // A count of institutions stays published when the figures are withheld: it says why.
        var reason = viewWithheld ?? (stats is { Suppressed: true } ? stats.Reason ?? SuppressionReasons.TooFewAnswers : null);
        SectorStatisticRow Row(string statistic, decimal? value, bool alwaysShown = false)
        {
            var hidden = viewWithheld is not null || (!alwaysShown && reason is not null);
            return new(ThemeLevel, theme.Key, null, null, statistic, null, null, null, hidden ? null : value, hidden, hidden ? reason : null);
        }
        yield return Row(N, stats?.N, alwaysShown: true);
        yield return Row(Mean, stats?.Mean);
        yield return Row(Median, stats?.Median);
        yield return Row(Q1, stats?.Q1);
        yield return Row(Q3, stats?.Q3);
        if (theme.EffectiveNorm is { } norm)
        {
            yield return new(ThemeLevel, theme.Key, null, null, Norm, null, null, null, norm, false, null);
            yield return Row(MeetsNormCount, stats?.MeetsNorm?.Count);
            yield return Row(MeetsNormPercent, stats?.MeetsNorm?.Percent);
        }
        foreach (var row in TrendRows(ThemeLevel, theme.Key, null, null, trend, hasMean: true, hasNorm: theme.EffectiveNorm is not null))
        {
            yield return row;
        }
    }

    internal static IEnumerable<SectorStatisticRow> TrendRows(
        string level, string? theme, string? question, string? type, TrendItem? trend, bool hasMean, bool hasNorm)
    {
        if (trend is null)
        {
            yield break;
        }
        var baselineHidden = trend.SuppressedIn is TrendSides.Baseline or TrendSides.Both;
        SectorStatisticRow Row(string statistic, decimal? value, bool hidden) =>
            new(level, theme, question, type, statistic, null, null, null, hidden ? null : value, hidden, hidden ? trend.Reason : null);
        if (hasMean)
        {
            yield return Row(BaselineMean, trend.Baseline.Mean, baselineHidden);
            yield return Row(BaselineMedian, trend.Baseline.Median, baselineHidden);
        }
        if (hasNorm)
        {
            yield return Row(BaselineMeetsNormPercent, trend.Baseline.MeetsNormPercent, baselineHidden);
        }
        if (hasMean)
        {
            yield return Row(DeltaMean, trend.Delta.Mean, trend.Suppressed);
            yield return Row(DeltaMedian, trend.Delta.Median, trend.Suppressed);
        }
        if (hasNorm)
        {
            yield return Row(DeltaMeetsNormPercent, trend.Delta.MeetsNormPercent, trend.Suppressed);
        }
    }
}
