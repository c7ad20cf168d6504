using System.IO.Compression;
using Audit.Core.Questionnaires;
using Audit.Reports.Exports.Analysis;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests.Exports.Analysis;

/// <summary>The analysis files of a small fixed questionnaire: names, codes, missing codes, golden loaders, the zip.</summary>
[TestClass]
public sealed class AnalysisFilesTests
{
    private static List<string[]> Rows(string csv)
    {
        using var reader = CsvHelper.CsvReader.Create(AnalysisCsv.Utf8.GetBytes(csv), CsvHelper.CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<string[]> { reader.Headers.ToArray() };
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.Headers.Count).Select(reader.GetString)]);
        }
        return rows;
    }

    [TestMethod]
    public void Variables_follow_the_naming_rule_one_per_option_and_cell()
    {
        var names = AnalysisVariables.Of(AnalysisFixture.Questionnaire()).Select(v => v.Name).ToArray();

        Assert.AreSequenceEqual(new[]
        {
            "gov_policy", "gov_maturity", "gov_count", "gov_kind", "risk_done", "risk_topics_land",
            "risk_topics_profile_of_th_" + names[6][^6..], "risk_outcomes_cn_ok", "risk_outcomes_cn_stop", "risk_note",
        }, names);
        Assert.HasCount(32, names[6]);
        Assert.IsTrue(names.All(VariableNames.IsValid));
    }

    [TestMethod]
    public void The_naming_rule_handles_digits_reserved_words_fixed_columns_and_collisions()
    {
        Assert.AreEqual("q_1a", VariableNames.ForQuestion("1a"));
        Assert.AreEqual("q_in", VariableNames.ForQuestion("in"));
        Assert.AreEqual("q_status", VariableNames.ForQuestion("status"));
        Assert.AreEqual("a_b_c", VariableNames.ForQuestion("a.b-c"));
        Assert.AreEqual(VariableNames.ForOption("x.y", "long-option"), VariableNames.ForOption("x.y", "long-option"), "depends on the keys only");
        var yaml = AnalysisFixture.Yaml.Replace("key: risk.note", "key: risk_done", StringComparison.Ordinal);
        var questionnaire = QuestionnaireLoader.LoadYaml(yaml).Value!;
        var names = AnalysisVariables.Of(questionnaire).Select(v => v.Name).ToList();
        Assert.HasCount(names.Count, names.Distinct());
        Assert.IsTrue(names.All(VariableNames.IsValid));
        Assert.AreEqual("risk_done", names[4], "the first in definition order keeps the plain name");
    }

    [TestMethod]
    public void The_wide_file_codes_answers_and_keeps_missing_codes_distinct()
    {
        var rows = Rows(AnalysisFiles.Wide(AnalysisFixture.Export(), AnalysisVariables.Of(AnalysisFixture.Questionnaire())));
        var header = rows[0];
        string Cell(int row, string column) => rows[row][Array.IndexOf(header, column)];

        Assert.AreSequenceEqual(new[] { "participation_id", "institution_id", "institution_name", "institution_type", "status" }, header.Take(5).ToArray());
        Assert.HasCount(4, rows);
        Assert.AreEqual("1", Cell(1, "gov_policy"));
        Assert.AreEqual("3", Cell(1, "gov_maturity"));
        Assert.AreEqual("12.5", Cell(1, "gov_count"));
        Assert.AreEqual("2", Cell(1, "gov_kind"), "options are coded 1..n in definition order");
        Assert.AreEqual("1", Cell(1, "risk_topics_land"));
        Assert.AreEqual("0", Cell(1, header[11]), "an option not chosen is 0");
        Assert.AreEqual("2", Cell(1, "risk_outcomes_cn_ok"));
        Assert.AreEqual("0", Cell(1, "risk_outcomes_cn_stop"), "an empty cell of a saved grid counts 0");
        Assert.AreEqual("Eerste regel met, komma en \"quote\"", Cell(1, "risk_note"));
        Assert.AreEqual("-8", Cell(2, "gov_policy"));
        Assert.AreEqual("-8", Cell(2, "gov_maturity"));
        Assert.AreEqual("1", Cell(2, "gov_kind"));
        Assert.AreEqual("0", Cell(2, "risk_done"));
        Assert.AreEqual("-9", Cell(2, "risk_topics_land"), "hidden by risk.done = no, although an old answer is stored");
        Assert.AreEqual("", Cell(2, "risk_outcomes_cn_ok"), "unanswered is empty, never 0");
        Assert.IsTrue(rows[3].Skip(5).All(v => v is "" or "-9"), "nothing answered: empty, or not shown");
    }

    [TestMethod]
    public void The_long_file_has_a_row_per_participation_and_variable_with_label_and_reason()
    {
        var variables = AnalysisVariables.Of(AnalysisFixture.Questionnaire());
        var rows = Rows(AnalysisFiles.Long(AnalysisFixture.Export(), variables));
        var header = rows[0];

        Assert.HasCount(1 + (3 * variables.Count), rows);
        var na = rows.Single(r => r[0] == "p_b" && r[Array.IndexOf(header, "variable")] == "gov_policy");
        Assert.AreEqual("-8", na[Array.IndexOf(header, "value")]);
        Assert.AreEqual("not_applicable", na[Array.IndexOf(header, "missing")]);
        var yes = rows.Single(r => r[0] == "p_a" && r[Array.IndexOf(header, "variable")] == "gov_policy");
        Assert.AreEqual("Ja", yes[Array.IndexOf(header, "value_label")]);
        var cell = rows.Single(r => r[0] == "p_a" && r[Array.IndexOf(header, "variable")] == "risk_outcomes_cn_ok");
        Assert.AreEqual("cn", cell[Array.IndexOf(header, "grid_row")]);
        Assert.AreEqual("ok", cell[Array.IndexOf(header, "grid_column")]);
    }

    [TestMethod]
    public void The_codebook_lists_every_variable_with_codes_missing_codes_and_a_reference_column()
    {
        var variables = AnalysisVariables.Of(AnalysisFixture.Questionnaire());
        var rows = Rows(AnalysisFiles.Codebook(variables));

        Assert.AreSequenceEqual(AnalysisFiles.CodebookColumns.ToArray(), rows[0]);
        Assert.AreSequenceEqual(variables.Select(v => v.Name).ToArray(), rows.Skip(1).Select(r => r[0]).ToArray());
        var kind = rows.Single(r => r[0] == "gov_kind");
        Assert.AreEqual("1=Centraal | 2=Decentraal", kind[Array.IndexOf(rows[0], "values_nl")]);
        Assert.AreEqual("1=Central | 2=Decentralised", kind[Array.IndexOf(rows[0], "values_en")]);
        Assert.IsTrue(rows.Skip(1).All(r => r[Array.IndexOf(rows[0], "missing_codes")] == "-8=not applicable | -9=not shown (hidden by an earlier answer)"));
    }

    [TestMethod]
    public void The_loaders_match_their_golden_files()
    {
        var texts = AnalysisZip.Texts(AnalysisFixture.Export());

        GoldenFile.AssertMatches("analysis/load.sps", texts[SpssSyntax.FileName]);
        GoldenFile.AssertMatches("analysis/load.do", texts[StataSyntax.FileName]);
        GoldenFile.AssertMatches("analysis/load.R", texts[RSyntax.FileName]);
        GoldenFile.AssertMatches("analysis/README.txt", texts[AnalysisZip.ReadmeFile]);
    }

    [TestMethod]
    public void The_zip_holds_every_file_and_the_readme_states_the_fingerprint()
    {
        var export = AnalysisFixture.Export();
        using var zip = new ZipArchive(new MemoryStream(AnalysisZip.ToBytes(export)));

        Assert.AreSequenceEqual(AnalysisZip.Files.ToArray(), zip.Entries.Select(e => e.FullName).ToArray());
        using var reader = new StreamReader(zip.GetEntry(AnalysisZip.ReadmeFile)!.Open());
        var readme = reader.ReadToEnd();
        Assert.Contains("Data fingerprint: " + AnalysisZip.Fingerprint(AnalysisZip.Texts(export)), readme);
        Assert.Contains("questionnaire mini version 1", readme);
        Assert.AreSequenceEqual(AnalysisZip.ToBytes(export), AnalysisZip.ToBytes(export), "the same input gives the same bytes");
    }

    [TestMethod]
    public void A_trend_keeps_the_shared_questions_and_merges_options_so_a_code_means_one_option()
    {
        var older = AnalysisFixture.Questionnaire();
        var newer = QuestionnaireLoader.LoadYaml(AnalysisFixture.Yaml
            .Replace("version: \"1\"", "version: \"2\"", StringComparison.Ordinal)
            .Replace("type: number", "type: text", StringComparison.Ordinal).Replace("min: 0", "maxLength: 100", StringComparison.Ordinal)
            .Replace("- {key: central, label: {nl: Centraal, en: Central}}", "- {key: hybrid, label: {nl: Hybride, en: Hybrid}}", StringComparison.Ordinal)).Value!;

        var merged = TrendQuestionnaire.Merge([older, newer]);

        Assert.AreSequenceEqual(new[] { "gov.count" }, merged.LeftOut.ToArray(), "the type changed, so it is not the same question");
        Assert.AreSequenceEqual(new[] { "hybrid", "decentral", "central" }, merged.Questionnaire.FindQuestion("gov.kind")!.Options.Select(o => o.Key).ToArray());
        var kind = AnalysisVariables.Of(merged.Questionnaire).Single(v => v.Name == "gov_kind");
        Assert.AreEqual("3", AnswerCoding.Encode(older, kind, AnalysisFixture.Export().Records[1].Answers).Text, "central keeps one code across rounds");
    }
}
