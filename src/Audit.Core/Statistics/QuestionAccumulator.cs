using Audit.Core.Disclosure;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;

namespace Audit.Core.Statistics;

/// <summary>
/// Streaming state for one question: each answer is folded into compact state during <see cref="Add"/>,
/// so no JsonElement outlives the call and memory does not grow with every institution.
/// </summary>
internal abstract class QuestionAccumulator
{
    protected QuestionAccumulator(Question question)
    {
        Question = question;
    }

    public Question Question { get; }

    public int Answered { get; private set; }

    public int NotApplicable { get; private set; }

    /// <summary>Whether the literal "not_applicable" means n/a; for text it could be someone's answer.</summary>
    protected virtual bool CountsNotApplicable => true;

    public static QuestionAccumulator Create(Question question, DisclosureSettings settings) => question.Type switch
    {
        QuestionType.Maturity => new MaturityAccumulator(question),
        QuestionType.Number => new NumberAccumulator(question),
        QuestionType.YesNo or QuestionType.SingleChoice => new ChoiceAccumulator(question),
        QuestionType.MultiChoice => new MultiChoiceAccumulator(question),
        QuestionType.Grid => new GridAccumulator(question, settings),
        QuestionType.Text => new TextAccumulator(question),
        _ => throw new ArgumentOutOfRangeException(nameof(question), question.Type, "Unknown question type."),
    };

    /// <summary>Folds in one visible answer. True when it counts as answered (not n/a, right kind).</summary>
    public bool Add(JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return false;
        }
        if (CountsNotApplicable && AnswerReader.IsNotApplicable(value))
        {
            NotApplicable++;
            return false;
        }
        if (!Accept(value))
        {
            return false; // wrong kind (validation should have stopped it): neither answered nor n/a
        }
        Answered++;
        return true;
    }

    /// <summary>The internal-view statistics, with the too_few_answers flag applied.</summary>
    public QuestionStatistics Build(DisclosureSettings settings)
    {
        var tooFew = Answered < settings.MinGroupSize;
        return Describe() with
        {
            Suppressed = tooFew,
            Reason = tooFew ? SuppressionReasons.TooFewAnswers : null,
        };
    }

    protected abstract bool Accept(JsonElement value);

    protected abstract QuestionStatistics Describe();

    protected QuestionStatistics Counts() => new()
    {
        Key = Question.Key,
        Type = Question.Type.ToWireName(),
        Answered = Answered,
        NotApplicable = NotApplicable,
    };

    /// <summary>Mean and quartiles rounded to 2 decimals; min and max as answered (internal only).</summary>
    protected static QuestionStatistics WithSummary(QuestionStatistics stats, SampleSummary? summary) =>
        summary is null
            ? stats
            : stats with
            {
                Mean = StatRounding.Statistic(summary.Mean),
                Median = StatRounding.Statistic(summary.Median),
                Q1 = StatRounding.Statistic(summary.Q1),
                Q3 = StatRounding.Statistic(summary.Q3),
                Min = summary.Min.ToDecimal(),
                Max = summary.Max.ToDecimal(),
            };

    protected NormCount MeetsNorm(long count) => new(checked((int)count), StatRounding.Percent(count, Answered));

    protected IReadOnlyList<OptionCount> Distribution(IReadOnlyList<string> options, IReadOnlyList<long> counts) =>
        options.Select((option, i) => new OptionCount(option, checked((int)counts[i]), StatRounding.Percent(counts[i], Answered)))
               .ToList();
}

/// <summary>text: only how many answered. Free text never appears in a sector view.</summary>
internal sealed class TextAccumulator(Question question) : QuestionAccumulator(question)
{
    protected override bool CountsNotApplicable => Question.AllowNotApplicable;

    protected override bool Accept(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && !value.ValueEquals(ReadOnlySpan<byte>.Empty);

    protected override QuestionStatistics Describe() => Counts();
}
