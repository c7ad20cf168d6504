using Audit.Core.Questionnaires;

namespace Audit.Core.Tests.Questionnaires;

/// <summary>Every definition under templates/questionnaires (copied next to the tests) must load without errors.</summary>
[TestClass]
public sealed class ShippedQuestionnaireTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "templates", "questionnaires");

    public static IEnumerable<object[]> ShippedFiles() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) })
            : [];

    [TestMethod]
    public void At_least_two_versions_ship() =>
        Assert.IsGreaterThanOrEqualTo(2, ShippedFiles().Count(), $"Expected at least two *.yaml files in {Folder}.");

    [TestMethod]
    [DynamicData(nameof(ShippedFiles))]
    public void A_shipped_definition_loads_without_errors(string fileName)
    {
        var result = QuestionnaireLoader.LoadYaml(File.ReadAllText(Path.Combine(Folder, fileName)));

        Assert.IsEmpty(result.Errors, string.Join(Environment.NewLine, result.Errors));
        var canonical = QuestionnaireJson.Serialize(result.Value!);
        Assert.AreEqual(canonical, QuestionnaireJson.Serialize(QuestionnaireLoader.LoadJson(canonical).Value!));
    }

    [TestMethod]
    public void Version_2025_keeps_the_2023_keys_with_their_types_and_adds_and_drops_a_few()
    {
        static Questionnaire Load(string file) =>
            QuestionnaireLoader.LoadYaml(File.ReadAllText(Path.Combine(Folder, file))).Value ?? throw new AssertFailedException($"{file} does not load.");
        var older = Load("kennisveiligheid-2023.yaml");
        var newer = Load("kennisveiligheid-2025.yaml");

        var comparison = QuestionnaireComparison.Compare(older, newer);

        Assert.IsEmpty(comparison.TypeChanged);
        Assert.IsNotEmpty(comparison.Added);
        Assert.IsNotEmpty(comparison.Dropped);
        Assert.IsGreaterThan(30, comparison.Comparable.Count);
        Assert.IsTrue(QuestionnaireComparison.IsComparable(older, newer, comparison.Comparable[0]));
    }
}
