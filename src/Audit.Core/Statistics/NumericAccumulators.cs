using System.Globalization;
using Audit.Core.SectorViews;

namespace Audit.Core.Statistics;

/// <summary>maturity: a histogram of levels 0..5 is all that exact means and quantiles need.</summary>
internal sealed class MaturityAccumulator(Question question) : QuestionAccumulator(question)
{
    private static readonly string[] LevelNames =
        Enumerable.Range(Question.MaturityMin, Question.MaturityMax - Question.MaturityMin + 1)
                  .Select(l => l.ToString(CultureInfo.InvariantCulture)).ToArray();

    private readonly long[] _countPerLevel = new long[Question.MaturityMax + 1];

    /// <summary>The level of the last answer <see cref="QuestionAccumulator.Add"/> accepted (for theme scores).</summary>
    public int LastLevel { get; private set; }

    protected override bool Accept(JsonElement value)
    {
        if (!AnswerReader.TryReadMaturity(value, out var level))
        {
            return false;
        }
        _countPerLevel[level]++;
        LastLevel = level;
        return true;
    }

    protected override QuestionStatistics Describe()
    {
        var sample = new Sample();
        var norm = Question.Norm?.AtLeast;
        var meets = 0L;
        for (var level = 0; level < _countPerLevel.Length; level++)
        {
            sample.Add(Fraction.Of(level), _countPerLevel[level]);
            if (norm is not null && level >= norm)
            {
                meets += _countPerLevel[level];
            }
        }
        return WithSummary(Counts(), sample.Summarize()) with
        {
            Distribution = Distribution(LevelNames, _countPerLevel),
            MeetsNorm = norm is null ? null : MeetsNorm(meets),
        };
    }
}

/// <summary>
/// number: exact decimals, kept as distinct value → count for exact quantiles. Counted by decimal (value equality, so
/// 3.0 and 3 are one entry) and turned into exact fractions once per distinct value when described: a fraction per
/// answer cost a BigInteger normalisation and hash for every institution.
/// </summary>
internal sealed class NumberAccumulator(Question question) : QuestionAccumulator(question)
{
    private readonly Dictionary<decimal, long> _counts = [];
    private long _meetsNorm;

    protected override bool Accept(JsonElement value)
    {
        if (!AnswerReader.TryReadNumber(value, out var number))
        {
            return false;
        }
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, number, out _)++;
        if (Question.Norm?.AtLeast is { } norm && number >= norm)
        {
            _meetsNorm++;
        }
        return true;
    }

    protected override QuestionStatistics Describe()
    {
        var sample = new Sample();
        foreach (var (number, count) in _counts)
        {
            sample.Add(Fraction.Of(number), count);
        }
        return WithSummary(Counts(), sample.Summarize()) with
        {
            MeetsNorm = Question.Norm?.AtLeast is null ? null : MeetsNorm(_meetsNorm),
        };
    }
}
