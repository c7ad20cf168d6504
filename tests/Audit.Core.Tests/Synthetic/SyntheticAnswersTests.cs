using Audit.Core.Answers;
using Audit.Core.Questionnaires;
using Audit.Core.Synthetic;

namespace Audit.Core.Tests.Synthetic;

[TestClass]
public sealed class SyntheticAnswersTests
{
    private static Questionnaire Shipped(string version)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "templates", "questionnaires", $"kennisveiligheid-{version}.yaml");
        var loaded = QuestionnaireLoader.LoadYaml(File.ReadAllText(file));
        Assert.IsTrue(loaded.IsValid, string.Join("; ", loaded.Errors));
        return loaded.Value!;
    }

    [TestMethod]
    [DataRow("2023")]
    [DataRow("2025")]
    public void Synthetic_answers_are_valid_and_complete(string version)
    {
        var questionnaire = Shipped(version);

        for (var seed = 1; seed <= 20; seed++)
        {
            var answers = SyntheticAnswers.AsElements(new SyntheticAnswers(seed).For(questionnaire));
            var check = AnswerValidator.CompletenessCheck(questionnaire, answers);
            Assert.IsTrue(check.IsComplete, $"seed {seed}: missing {string.Join(", ", check.Missing)}; invalid {string.Join("; ", check.Invalid)}");
        }
    }

    [TestMethod]
    public void The_same_seed_gives_the_same_answers_and_another_seed_differs()
    {
        var questionnaire = Shipped("2023");

        var first = new SyntheticAnswers(42).For(questionnaire);
        var again = new SyntheticAnswers(42).For(questionnaire);
        var other = new SyntheticAnswers(43).For(questionnaire);

        Assert.AreSequenceEqual(first.ToArray(), again.ToArray());
        Assert.AreNotEqual(string.Join("|", first), string.Join("|", other));
    }
}
