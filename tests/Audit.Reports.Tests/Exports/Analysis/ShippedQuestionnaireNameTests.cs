using Audit.Core.Questionnaires;
using Audit.Reports.Exports.Analysis;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests.Exports.Analysis;

/// <summary>Both shipped questionnaires give variable names that R, SPSS and Stata accept, and no two alike.</summary>
[TestClass]
public sealed class ShippedQuestionnaireNameTests
{
    public static IEnumerable<object[]> Shipped() =>
        Directory.GetFiles(Path.Combine(TemplateFolders.Shipped, "questionnaires"), "*.yaml").Order().Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [DynamicData(nameof(Shipped))]
    public void Variable_names_are_unique_valid_and_at_most_32_characters(string file)
    {
        var result = QuestionnaireLoader.LoadYaml(File.ReadAllText(Path.Combine(TemplateFolders.Shipped, "questionnaires", file)));
        Assert.IsNotNull(result.Value, string.Join("; ", result.Errors));

        var names = AnalysisVariables.Of(result.Value).Select(v => v.Name).ToList();

        Assert.IsGreaterThan(50, names.Count, "every option and grid cell is a variable");
        Assert.AreSequenceEqual(Array.Empty<string>(), names.Where(n => !VariableNames.IsValid(n) || n.Length > VariableNames.MaxLength).ToArray());
        Assert.AreSequenceEqual(Array.Empty<string>(), names.Concat(VariableNames.FixedColumns).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToArray());
        // Unique without the fallback: every name is the rule's own, so it stays the same in the next version.
        var plain = result.Value.AllQuestions.SelectMany(q => q.Type switch
        {
            QuestionType.MultiChoice => q.Options.Select(o => VariableNames.ForOption(q.Key, o.Key)),
            QuestionType.Grid => q.Rows.SelectMany(r => q.Columns.Select(c => VariableNames.ForCell(q.Key, r.Key, c.Key))),
            _ => [VariableNames.ForQuestion(q.Key)],
        }).ToList();
        Assert.AreSequenceEqual(plain.ToArray(), names.ToArray());
    }
}
