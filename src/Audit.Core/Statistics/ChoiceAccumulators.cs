using Audit.Core.SectorViews;

namespace Audit.Core.Statistics;

/// <summary>yes_no and single_choice: a count per option; the norm is a set of options.</summary>
internal sealed class ChoiceAccumulator : QuestionAccumulator
{
    private static readonly string[] YesNo = ["yes", "no"];

    private readonly string[] _options;
    private readonly byte[][] _optionsUtf8;
    private readonly long[] _counts;

    public ChoiceAccumulator(Question question)
        : base(question)
    {
        _options = question.Type == QuestionType.YesNo ? YesNo : question.Options.Select(o => o.Key).ToArray();
        _optionsUtf8 = AnswerReader.Utf8Keys(_options);
        _counts = new long[_options.Length];
    }

    protected override bool Accept(JsonElement value)
    {
        var index = AnswerReader.IndexOfOption(value, _optionsUtf8);
        if (index < 0)
        {
            return false;
        }
        _counts[index]++;
        return true;
    }

    protected override QuestionStatistics Describe()
    {
        var normValues = Question.Norm?.Values;
        var meets = 0L;
        if (normValues is not null)
        {
            for (var i = 0; i < _options.Length; i++)
            {
                if (normValues.Contains(_options[i], StringComparer.Ordinal))
                {
                    meets += _counts[i];
                }
            }
        }
        return Counts() with
        {
            Distribution = Distribution(_options, _counts),
            MeetsNorm = normValues is null ? null : MeetsNorm((int)meets),
        };
    }
}

/// <summary>multi_choice: per option, how many respondents chose it (percent of those who answered).</summary>
internal sealed class MultiChoiceAccumulator : QuestionAccumulator
{
    private readonly string[] _options;
    private readonly byte[][] _optionsUtf8;
    private readonly long[] _counts;
    private readonly bool[] _chosen; // reused per answer: an option listed twice counts once

    public MultiChoiceAccumulator(Question question)
        : base(question)
    {
        _options = question.Options.Select(o => o.Key).ToArray();
        _optionsUtf8 = AnswerReader.Utf8Keys(_options);
        _counts = new long[_options.Length];
        _chosen = new bool[_options.Length];
    }

    protected override bool Accept(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }
        Array.Clear(_chosen);
        foreach (var item in value.EnumerateArray())
        {
            var index = AnswerReader.IndexOfOption(item, _optionsUtf8);
            if (index >= 0 && !_chosen[index])
            {
                _chosen[index] = true;
                _counts[index]++;
            }
        }
        return true; // an empty selection is still an answer
    }

    protected override QuestionStatistics Describe() => Counts() with { Distribution = Distribution(_options, _counts) };
}
