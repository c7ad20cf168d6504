using Audit.Core.Statistics;

namespace Audit.Core.SectorViews;

/// <summary>
/// The trend of a sector view against the same institution type in the baseline round. Works on internal
/// views (every value, with flags) and gives an internal trend; <see cref="PublishedForm"/> then hides what
/// either side suppressed. A published baseline works too: its hidden values are simply null.
/// </summary>
public static class Trends
{
    private static readonly HashSet<string> TrendTypes = new(StringComparer.Ordinal)
    {
        QuestionType.Maturity.ToWireName(),
        QuestionType.Number.ToWireName(),
        QuestionType.YesNo.ToWireName(),
        QuestionType.SingleChoice.ToWireName(),
    };

    public static TrendBlock Compare(SectorView current, SectorView baseline)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baseline);
        var baselineThemes = baseline.Themes.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var baselineQuestions = baseline.Questions.ToDictionary(q => q.Key, StringComparer.Ordinal);

        var themes = new List<TrendItem>();
        foreach (var theme in current.Themes)
        {
            if (baselineThemes.TryGetValue(theme.Key, out var before))
            {
                themes.Add(Item(
                    theme.Key,
                    Side(current, theme.Suppressed, theme.Reason, theme.Mean, theme.Median, theme.MeetsNorm),
                    Side(baseline, before.Suppressed, before.Reason, before.Mean, before.Median, before.MeetsNorm)));
            }
        }

        var questions = new List<TrendItem>();
        foreach (var question in current.Questions)
        {
            if (TrendTypes.Contains(question.Type)
                && baselineQuestions.TryGetValue(question.Key, out var before)
                && before.Type == question.Type)
            {
                questions.Add(Item(
                    question.Key,
                    Side(current, question.Suppressed, question.Reason, question.Mean, question.Median, question.MeetsNorm),
                    Side(baseline, before.Suppressed, before.Reason, before.Mean, before.Median, before.MeetsNorm)));
            }
        }
        return new TrendBlock(baseline.RoundId, baseline.Fingerprint, themes, questions);
    }

    private sealed record SideValues(TrendValues Values, bool Suppressed, string? Reason);

    /// <summary>One side's figures; a view withheld as a whole suppresses every item in it.</summary>
    private static SideValues Side(SectorView view, bool suppressed, string? reason, decimal? mean, decimal? median, NormCount? meetsNorm) =>
        new(new TrendValues(mean, median, meetsNorm?.Percent),
            view.Suppressed || suppressed,
            view.Suppressed ? view.Reason : reason);

    private static TrendItem Item(string key, SideValues current, SideValues baseline)
    {
        var delta = new TrendValues(
            Difference(current.Values.Mean, baseline.Values.Mean, StatRounding.Statistic),
            Difference(current.Values.Median, baseline.Values.Median, StatRounding.Statistic),
            Difference(current.Values.MeetsNormPercent, baseline.Values.MeetsNormPercent, StatRounding.OneDecimal));
        var suppressedIn = (current.Suppressed, baseline.Suppressed) switch
        {
            (true, true) => TrendSides.Both,
            (true, false) => TrendSides.Current,
            (false, true) => TrendSides.Baseline,
            _ => null,
        };
        return new TrendItem(
            key,
            baseline.Values,
            delta,
            suppressedIn is not null,
            current.Suppressed ? current.Reason : baseline.Suppressed ? baseline.Reason : null,
            suppressedIn);
    }

    private static decimal? Difference(decimal? current, decimal? baseline, Func<decimal, decimal> round) =>
        current is { } now && baseline is { } before ? round(now - before) : null;
}
