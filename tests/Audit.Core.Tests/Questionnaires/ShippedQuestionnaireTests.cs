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

    [TestMethod]
    [DynamicData(nameof(ShippedFiles))]
    public void Every_text_of_a_shipped_definition_has_english(string fileName)
    {
        var questionnaire = QuestionnaireLoader.LoadYaml(File.ReadAllText(Path.Combine(Folder, fileName))).Value!;

        var missing = TextsOf(questionnaire).Where(t => string.IsNullOrWhiteSpace(t.Text?.In("en"))).Select(t => t.Where).ToList();

        Assert.IsEmpty(missing, $"{fileName} lacks English for: {string.Join(", ", missing)}");
    }

    [TestMethod]
    public void A_dutch_text_shared_by_the_shipped_versions_has_the_same_english_in_both()
    {
        // Otherwise the differences between the versions would list questions nobody changed.
        var texts = ShippedFiles().Select(f => (string)f[0])
            .SelectMany(f => TextsOf(QuestionnaireLoader.LoadYaml(File.ReadAllText(Path.Combine(Folder, f))).Value!))
            .Where(t => t.Text is not null).Select(t => t.Text!);

        var inconsistent = texts.GroupBy(t => t.Text).Where(g => g.Select(t => t.In("en")).Distinct().Count() > 1).Select(g => g.Key).ToList();

        Assert.IsEmpty(inconsistent, string.Join(Environment.NewLine, inconsistent));
    }

    /// <summary>Every translatable text with where it is: titles, descriptions, texts, hints, units, options, rows, columns and levels.</summary>
    private static IEnumerable<(string Where, LocalizedText? Text)> TextsOf(Questionnaire questionnaire)
    {
        yield return ("title", questionnaire.LocalizedTitle);
        yield return ("description", questionnaire.LocalizedDescription);
        foreach (var theme in questionnaire.Themes)
        {
            yield return (theme.Key + " title", theme.LocalizedTitle);
            if (theme.Description is not null)
            {
                yield return (theme.Key + " description", theme.LocalizedDescription);
            }
            foreach (var question in theme.Questions)
            {
                yield return (question.Key, question.LocalizedText);
                if (question.Help is not null)
                {
                    yield return (question.Key + " help", question.LocalizedHelp);
                }
                if (question.Unit is not null)
                {
                    yield return (question.Key + " unit", question.LocalizedUnit);
                }
                foreach (var option in question.Options.Concat(question.Rows).Concat(question.Columns))
                {
                    yield return (question.Key + " " + option.Key, option.LocalizedLabel);
                }
                foreach (var (level, label) in question.LocalizedLevels ?? new Dictionary<int, LocalizedText>())
                {
                    yield return (question.Key + " level " + level, label);
                }
            }
        }
    }
}
