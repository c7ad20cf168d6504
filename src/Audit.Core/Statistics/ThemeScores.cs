using Audit.Core.Disclosure;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;

namespace Audit.Core.Statistics;

/// <summary>
/// An institution's theme score: the mean of its answered maturity questions in the theme, skipping
/// questions hidden by visibleWhen and "not_applicable" answers. No such answers → no score.
/// </summary>
public static class ThemeScores
{
    /// <summary>One institution's score, for showing it next to its sector (28 significant digits).</summary>
    public static decimal? For(Questionnaire questionnaire, Theme theme, IReadOnlyDictionary<string, JsonElement> answers)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(answers);
        var sum = 0L;
        var count = 0;
        foreach (var question in theme.Questions)
        {
            if (question.Type == QuestionType.Maturity
                && answers.TryGetValue(question.Key, out var value)
                && AnswerReader.TryReadMaturity(value, out var level)
                && Visibility.IsVisible(questionnaire, question, answers))
            {
                sum += level;
                count++;
            }
        }
        return count == 0 ? null : (decimal)sum / count;
    }
}

/// <summary>
/// The sector's theme statistics, fed one institution at a time with its level sum and count. A score is
/// kept as an exact fraction, so "score ≥ norm" and the quantiles never suffer from 10/3 = 3.333…3.
/// </summary>
internal sealed class ThemeAccumulator(Theme theme)
{
    private readonly decimal? _norm = theme.EffectiveNorm;

    // Scores counted by (level sum, question count), turned into exact fractions once per distinct
    // score when built: a BigInteger fraction per institution and theme was most of a theme's cost.
    private readonly Dictionary<(long Sum, int Count), long> _scores = [];

    // Validated scores (tenths set by the bureau) are few, so they stay fractions.
    private readonly List<Fraction> _exactScores = [];
    private long _n;

    public Theme Theme { get; } = theme;

    public void Add(long levelSum, int answeredMaturityQuestions)
    {
        if (answeredMaturityQuestions <= 0)
        {
            return;
        }
        // Equal scores under different terms (6/2, 3/1) merge in the Sample, where they become one fraction.
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_scores, (levelSum, answeredMaturityQuestions), out _)++;
        _n++;
    }

    /// <summary>One institution's score as a fraction (a self-assessed mean, or a validated score in tenths).</summary>
    public void Add(Fraction score)
    {
        _exactScores.Add(score);
        _n++;
    }

    public ThemeStatistics Build(DisclosureSettings settings)
    {
        var n = checked((int)_n);
        var scores = new Sample();
        var norm = _norm is { } declared ? Fraction.Of(declared) : (Fraction?)null;
        var meetsNorm = 0L;
        foreach (var (score, count) in _scores)
        {
            var exact = Fraction.Of(score.Sum, score.Count);
            scores.Add(exact, count);
            if (norm is { } threshold && exact >= threshold)
            {
                meetsNorm += count; // compared as exact fractions: 8/3 does not meet a norm of 2.666…7
            }
        }
        foreach (var exact in _exactScores)
        {
            scores.Add(exact);
            if (norm is { } threshold && exact >= threshold)
            {
                meetsNorm++;
            }
        }
        var summary = scores.Summarize();
        var tooFew = n < settings.MinGroupSize;
        return new ThemeStatistics(
            Theme.Key,
            Theme.EffectiveNorm,
            n,
            summary is null ? null : StatRounding.Statistic(summary.Mean),
            summary is null ? null : StatRounding.Statistic(summary.Median),
            summary is null ? null : StatRounding.Statistic(summary.Q1),
            summary is null ? null : StatRounding.Statistic(summary.Q3),
            _norm is null ? null : new NormCount(checked((int)meetsNorm), StatRounding.Percent(meetsNorm, n)),
            tooFew,
            tooFew ? SuppressionReasons.TooFewAnswers : null);
    }
}
