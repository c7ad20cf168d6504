using System.Text.Json;
using Audit.Core.Answers;
using Audit.Core.Questionnaires;

namespace Audit.Core.Tests.Answers;

[TestClass]
public sealed class CompletenessTests
{
    // explanation shows only when coordinator is "no"; detail only when explanation is shown and method is systematic.
    private static readonly Questionnaire Definition = AnswerValidatorTests.Load(
        "{key: coordinator, type: yes_no, text: C, required: true}",
        "{key: explanation, type: text, text: E, required: true, visibleWhen: {question: coordinator, equals: \"no\"}}",
        "{key: method, type: single_choice, text: M, required: true, options: [{key: none, label: N}, {key: systematic, label: S}]}",
        "{key: criteria, type: multi_choice, text: K, required: true, options: [{key: a, label: A}], visibleWhen: {question: method, equals: systematic}}",
        "{key: maturity, type: maturity, text: V, required: true}",
        "{key: remark, type: text, text: Optional}");

    private static Dictionary<string, JsonElement> Answers(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

    [TestMethod]
    public void Nothing_answered_lists_the_required_visible_questions_in_order()
    {
        var result = AnswerValidator.CompletenessCheck(Definition, Answers("{}"));

        Assert.AreSequenceEqual(new[] { "coordinator", "method", "maturity" }, result.Missing.ToList());
        Assert.IsEmpty(result.Invalid);
        Assert.AreEqual((0, 3, 0), (result.Answered, result.Required, result.RequiredAnswered));
        Assert.IsFalse(result.IsComplete);
    }

    [TestMethod]
    public void A_condition_that_is_met_makes_its_question_required()
    {
        var result = AnswerValidator.CompletenessCheck(Definition, Answers("""{"coordinator": "no", "method": "systematic", "maturity": 2}"""));

        Assert.AreSequenceEqual(new[] { "explanation", "criteria" }, result.Missing.ToList());
        Assert.AreEqual((3, 5, 3), (result.Answered, result.Required, result.RequiredAnswered));
    }

    [TestMethod]
    public void A_hidden_question_is_not_required_and_its_answer_is_ignored_even_if_invalid()
    {
        var result = AnswerValidator.CompletenessCheck(Definition,
            Answers("""{"coordinator": "yes", "explanation": 42, "method": "none", "criteria": ["zz"], "maturity": 4, "remark": "Prima"}"""));

        Assert.IsEmpty(result.Missing);
        Assert.IsEmpty(result.Invalid);
        Assert.AreEqual((4, 3, 3), (result.Answered, result.Required, result.RequiredAnswered));
        Assert.IsTrue(result.IsComplete);
    }

    [TestMethod]
    public void Invalid_and_unknown_answers_are_reported_and_do_not_count_as_answered()
    {
        var result = AnswerValidator.CompletenessCheck(Definition,
            Answers("""{"coordinator": "no", "explanation": "Nog niet", "method": "systematic", "criteria": [], "maturity": 7, "extra": 1}"""));

        Assert.IsEmpty(result.Missing);
        Assert.AreSequenceEqual(new[] { "maturity", "extra" }, result.Invalid.Select(e => e.QuestionKey).ToList());
        Assert.AreEqual((4, 5, 4), (result.Answered, result.Required, result.RequiredAnswered));
        Assert.IsFalse(result.IsComplete);
    }

    [TestMethod]
    public void Progress_per_theme_judges_visibility_across_themes_and_adds_up_to_the_whole()
    {
        // "explanation" sits in the second theme but depends on "coordinator" in the first.
        var questions = Definition.Themes.Single().Questions;
        var split = Definition with
        {
            Themes = [new Theme("first", "First", null, [questions[0], questions[2]]), new Theme("second", "Second", null, [questions[1], .. questions.Skip(3)])],
        };
        var answers = Answers("""{"coordinator": "no", "method": "none", "maturity": 9}""");

        var themes = AnswerValidator.ProgressPerTheme(split, answers);
        var whole = AnswerValidator.CompletenessCheck(split, answers);

        Assert.AreSequenceEqual(new[] { "first", "second" }, themes.Select(t => t.ThemeKey).ToList());
        Assert.AreEqual((2, 2, 2, true), (themes[0].Answered, themes[0].Required, themes[0].RequiredAnswered, themes[0].IsComplete));
        Assert.AreSequenceEqual(new[] { "explanation" }, themes[1].Missing.ToList());
        Assert.AreSequenceEqual(new[] { "maturity" }, themes[1].Invalid.Select(e => e.QuestionKey).ToList());
        Assert.AreEqual((0, 2, 0), (themes[1].Answered, themes[1].Required, themes[1].RequiredAnswered));
        Assert.AreEqual((2, 4, 2), (whole.Answered, whole.Required, whole.RequiredAnswered));
        Assert.AreSequenceEqual(new[] { "explanation" }, whole.Missing.ToList());
    }
}
