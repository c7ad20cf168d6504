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
    private readonly Fraction? _norm = theme.EffectiveNorm is { } norm ? Fraction.Of(norm) : null;
    private readonly Sample _scores = new();
    private long _meetsNorm;

    public Theme Theme { get; } = theme;

    public void Add(long levelSum, int answeredMaturityQuestions)
    {
        if (answeredMaturityQuestions <= 0)
        {
            return;
        }
        Add(Fraction.Of(levelSum, answeredMaturityQuestions));
    }

    /// <summary>One institution's score as a fraction (a self-assessed mean, or a validated score in tenths).</summary>
    public void Add(Fraction score)
    {
        _scores.Add(score);
        if (_norm is { } norm && score >= norm)
        {
            _meetsNorm++;
        }
    }

    public ThemeStatistics Build(DisclosureSettings settings)
    {
        var n = checked((int)_scores.Count);
        var summary = _scores.Summarize();
        var tooFew = n < settings.MinGroupSize;
        return new ThemeStatistics(
            Theme.Key,
            Theme.EffectiveNorm,
            n,
            summary is null ? null : StatRounding.Statistic(summary.Mean),
            summary is null ? null : StatRounding.Statistic(summary.Median),
            summary is null ? null : StatRounding.Statistic(summary.Q1),
            summary is null ? null : StatRounding.Statistic(summary.Q3),
            _norm is null ? null : new NormCount(checked((int)_meetsNorm), StatRounding.Percent(_meetsNorm, n)),
            tooFew,
            tooFew ? SuppressionReasons.TooFewAnswers : null);
    }
}
