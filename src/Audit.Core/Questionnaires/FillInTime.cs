namespace Audit.Core.Questionnaires;

/// <summary>
/// Estimates how long a theme takes when its definition states no <c>minutes</c>. The weights are seconds per question
/// type: a yes/no is read and clicked, a maturity level or a choice needs a moment's judgement, a number or a table
/// usually has to be looked up, and a free text has to be written. Hidden follow-up questions count too, because the
/// estimate is for the respondent who has to answer them; it errs on the long side rather than promising too little.
/// </summary>
public static class FillInTime
{
    public static int SecondsFor(QuestionType type) => type switch
    {
        QuestionType.YesNo => 20,
        QuestionType.SingleChoice => 40,
        QuestionType.MultiChoice => 60,
        QuestionType.Maturity => 60,
        QuestionType.Number => 90,
        QuestionType.Grid => 240,
        QuestionType.Text => 180,
        _ => 60,
    };

    /// <summary>Whole minutes, rounded up, at least one.</summary>
    public static int Estimate(IEnumerable<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var seconds = questions.Sum(q => SecondsFor(q.Type));
        return Math.Max(1, (seconds + 59) / 60);
    }
}
