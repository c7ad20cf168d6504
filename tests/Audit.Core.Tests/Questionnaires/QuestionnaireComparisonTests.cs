using Audit.Core.Questionnaires;

namespace Audit.Core.Tests.Questionnaires;

[TestClass]
public sealed class QuestionnaireComparisonTests
{
    private static Questionnaire Load(string version, params string[] questions)
    {
        var result = QuestionnaireLoader.LoadYaml(SampleDefinitions.WithQuestions(questions).Replace("version: \"1\"", $"version: \"{version}\"", StringComparison.Ordinal));
        Assert.IsEmpty(result.Errors, string.Join(Environment.NewLine, result.Errors));
        return result.Value!;
    }

    private static readonly Questionnaire Older = Load("2023",
        "{key: kept, type: yes_no, text: Blijft}",
        "{key: dropped, type: text, text: Vervalt}",
        "{key: retyped, type: yes_no, text: Wordt volwassenheid}",
        "{key: also_kept, type: maturity, text: Blijft ook}");

    private static readonly Questionnaire Newer = Load("2025",
        "{key: added, type: number, text: Nieuw}",
        "{key: also_kept, type: maturity, text: Blijft ook, norm: 3}",
        "{key: kept, type: yes_no, text: Blijft (anders geformuleerd)}",
        "{key: retyped, type: maturity, text: Nu volwassenheid}");

    [TestMethod]
    public void Compare_sorts_every_question_into_exactly_one_list()
    {
        var result = QuestionnaireComparison.Compare(Older, Newer);

        Assert.AreSequenceEqual(new[] { "also_kept", "kept" }, result.Comparable.ToList());
        Assert.AreSequenceEqual(new[] { "added" }, result.Added.ToList());
        Assert.AreSequenceEqual(new[] { "dropped" }, result.Dropped.ToList());
        Assert.AreSequenceEqual(new[] { new QuestionTypeChange("retyped", QuestionType.YesNo, QuestionType.Maturity) }, result.TypeChanged.ToList());
    }

    [TestMethod]
    [DataRow("kept", true)]
    [DataRow("also_kept", true)]
    [DataRow("retyped", false)]
    [DataRow("added", false)]
    [DataRow("dropped", false)]
    [DataRow("unknown", false)]
    public void IsComparable_needs_the_same_key_and_type_in_both_versions(string key, bool expected) =>
        Assert.AreEqual(expected, QuestionnaireComparison.IsComparable(Older, Newer, key));
}
