using System.Text;
using System.Text.RegularExpressions;
using Audit.Core.Questionnaires;
using Audit.Reports.Exports.Analysis;

namespace Audit.Reports.Tests.Exports.Analysis;

/// <summary>
/// SPSS and Stata cannot run here, so their syntax is checked by a small parser: every statement is terminated and
/// starts with a known command, quotes are balanced, and every variable a label or missing-value statement names is a
/// column of the wide file. Run on the small fixture and on both shipped questionnaires.
/// </summary>
[TestClass]
public sealed partial class SyntaxCheckTests
{
    private static readonly string[] SpssCommands = ["*", "SET", "GET DATA", "VARIABLE LABELS", "VALUE LABELS", "MISSING VALUES", "EXECUTE"];
    private static readonly string[] StataCommands = ["*", "version", "import delimited", "mvdecode", "label variable", "label define", "label values", "notes", "compress"];

    public static IEnumerable<object[]> Exports()
    {
        yield return ["fixture"];
        foreach (var file in Directory.GetFiles(Path.Combine(Support.TemplateFolders.Shipped, "questionnaires"), "*.yaml").Order())
        {
            yield return [Path.GetFileName(file)];
        }
    }

    private static AnalysisExport ExportOf(string name)
    {
        var export = AnalysisFixture.Export();
        if (name == "fixture")
        {
            return export;
        }
        var questionnaire = QuestionnaireLoader.LoadYaml(File.ReadAllText(Path.Combine(Support.TemplateFolders.Shipped, "questionnaires", name))).Value!;
        return export with { Questionnaire = questionnaire, Records = [.. export.Records.Select(r => r with { Questionnaire = questionnaire })] };
    }

    [TestMethod]
    [DynamicData(nameof(Exports))]
    public void Spss_statements_are_terminated_and_name_only_wide_columns(string name)
    {
        var texts = AnalysisZip.Texts(ExportOf(name));
        var header = texts[AnalysisFiles.WideFile].Split('\n')[0].Split(',').ToHashSet(StringComparer.Ordinal);
        var statements = SpssStatements(texts[SpssSyntax.FileName]);

        Assert.IsTrue(statements.All(s => SpssCommands.Any(c => s.StartsWith(c, StringComparison.Ordinal))), string.Join("\n", statements.Select(s => s[..Math.Min(40, s.Length)])));
        var get = statements.Single(s => s.StartsWith("GET DATA", StringComparison.Ordinal));
        var declared = get[(get.IndexOf("/VARIABLES=", StringComparison.Ordinal) + 11)..]
            .Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where((_, i) => i % 2 == 0).ToList();
        Assert.AreSequenceEqual(header.ToArray(), declared.ToArray(), "GET DATA declares the wide file's columns in order");
        foreach (var command in new[] { "VARIABLE LABELS", "VALUE LABELS", "MISSING VALUES" })
        {
            var statement = statements.Single(s => s.StartsWith(command, StringComparison.Ordinal));
            var names = Unquoted(statement[command.Length..]).Split((char[])[' ', '\n', '/', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => Identifier().IsMatch(w)).ToList();
            Assert.IsNotEmpty(names);
            Assert.AreSequenceEqual(Array.Empty<string>(), names.Where(n => !header.Contains(n)).ToArray(), command);
        }
    }

    [TestMethod]
    [DynamicData(nameof(Exports))]
    public void Stata_statements_are_complete_and_label_only_wide_columns(string name)
    {
        var texts = AnalysisZip.Texts(ExportOf(name));
        var header = texts[AnalysisFiles.WideFile].Split('\n')[0].Split(',').ToList();
        var statements = StataStatements(texts[StataSyntax.FileName]);

        Assert.IsTrue(statements.All(s => StataCommands.Any(c => s.StartsWith(c, StringComparison.Ordinal))), string.Join("\n", statements));
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            var words = Unquoted(statement).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words[0], words.Length > 1 ? words[1] : "")
            {
                case ("label", "define"):
                    defined.Add(words[2]);
                    Assert.EndsWith(", replace", statement);
                    break;
                case ("label", "values"):
                    Assert.Contains(words[2], header);
                    Assert.Contains(words[3], defined, "label values uses a label defined before");
                    break;
                case ("label", "variable"):
                    Assert.Contains(words[2], header);
                    break;
                case ("notes", _):
                    Assert.Contains(words[1].TrimEnd(':'), header);
                    break;
                case ("mvdecode", _):
                    var list = string.Join(' ', words.Skip(1)).Split(',')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    Assert.AreSequenceEqual(Array.Empty<string>(), list.Where(n => !header.Contains(n)).ToArray());
                    break;
                case ("import", _):
                    var columns = Regex.Matches(statement, @"(stringcols|numericcols)\(([0-9 ]+)\)").SelectMany(m => m.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        .Select(int.Parse).Order().ToArray();
                    Assert.AreSequenceEqual(Enumerable.Range(1, header.Count).ToArray(), columns, "every column's type is fixed, once");
                    break;
            }
        }
    }

    /// <summary>SPSS: a statement ends with a period at the end of a line, outside quotes; comments too.</summary>
    private static List<string> SpssStatements(string syntax)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        foreach (var line in syntax.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }
            current.Append(current.Length > 0 ? "\n" : "").Append(line);
            var outside = Unquoted(line);
            Assert.AreEqual(0, line.Count(c => c == '\'') % 2, $"unbalanced quote in: {line}");
            if (outside.TrimEnd().EndsWith('.'))
            {
                statements.Add(current.ToString());
                current.Clear();
            }
        }
        Assert.AreEqual("", current.ToString(), "the last statement is terminated");
        return statements;
    }

    /// <summary>Stata: one statement per line; a line ending in <c>///</c> continues on the next.</summary>
    private static List<string> StataStatements(string syntax)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        foreach (var line in syntax.Split('\n'))
        {
            if (line.Length == 0 && current.Length == 0)
            {
                continue;
            }
            var continues = line.EndsWith(" ///", StringComparison.Ordinal);
            current.Append(continues ? line[..^4] : line).Append(' ');
            if (!continues)
            {
                var statement = Regex.Replace(current.ToString().Trim(), " +", " ");
                Assert.AreEqual(CountOf(statement, "`\""), CountOf(statement, "\"'"), $"unbalanced compound quotes in: {statement}");
                statements.Add(statement);
                current.Clear();
            }
        }
        Assert.AreEqual("", current.ToString(), "no statement is left continued at the end");
        return statements;
    }

    private static int CountOf(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    /// <summary>The text with quoted strings (SPSS '…', Stata `"…"' and "…") blanked.</summary>
    private static string Unquoted(string text) => QuotedPart().Replace(text, " ");

    [GeneratedRegex("`\".*?\"'|'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")]
    private static partial Regex QuotedPart();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
