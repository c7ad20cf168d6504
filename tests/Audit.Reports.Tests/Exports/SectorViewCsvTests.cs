using System.Globalization;
using Audit.Core.Institutions;
using Audit.Core.SectorViews;
using Audit.Reports.Exports;
using Audit.Reports.Tests.Support;
using CsvHelper;

namespace Audit.Reports.Tests.Exports;

/// <summary>The sector view CSV parses back with CsvHelper and its numbers are the published view's.</summary>
[TestClass]
public sealed class SectorViewCsvTests
{
    private static readonly SyntheticRound Data = new();

    private sealed record Parsed(IReadOnlyList<string> Header, IReadOnlyList<Dictionary<string, string>> Rows);

    private static Parsed Parse(byte[] csv, char separator)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default with { Separator = separator });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, reader.GetString(i))).ToDictionary(x => x.h, x => x.Item2));
        }
        return new Parsed(reader.Headers.ToList(), rows);
    }

    private static Dictionary<string, string> Single(Parsed csv, string level, string? theme, string? question, string statistic, string option = "", string row = "", string column = "") =>
        csv.Rows.Single(r => r["level"] == level && r["theme"] == (theme ?? "") && r["question"] == (question ?? "")
            && r["statistic"] == statistic && r["option"] == option && r["row"] == row && r["column"] == column);

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    [TestMethod]
    public void The_file_is_utf8_with_a_bom_and_semicolons_and_parses_back()
    {
        var bytes = SectorViewCsv.ToBytes(Data.Questionnaire, Data.PublishedView(InstitutionType.Universiteit));

        Assert.AreSequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray());
        var csv = Parse(bytes, ';');
        Assert.AreSequenceEqual(SectorViewCsv.Columns.ToArray(), csv.Header.ToArray());
        Assert.IsTrue(csv.Rows.All(r => r["round_id"] == SyntheticRound.RoundId && r["institution_type"] == "universiteit"
            && r["questionnaire_key"] == "kennisveiligheid" && r["questionnaire_version"] == "2023"));
        Assert.AreEqual("14", Single(csv, "sector", null, null, "included")["value"]);
        Assert.AreEqual("100.0", Single(csv, "sector", null, null, "response_rate")["value"]);
    }

    [TestMethod]
    public void Every_published_number_is_in_the_file()
    {
        var view = Data.PublishedView(InstitutionType.Hogeschool);
        var csv = Parse(SectorViewCsv.ToBytes(Data.Questionnaire, view), ';');

        foreach (var theme in view.Themes)
        {
            Assert.AreEqual(Text(theme.N), Single(csv, "theme", theme.Key, null, "n")["value"]);
            Assert.AreEqual(Text(theme.Median), Single(csv, "theme", theme.Key, null, "median")["value"]);
            Assert.AreEqual(Text(theme.MeetsNorm?.Percent), Single(csv, "theme", theme.Key, null, "meets_norm_percent")["value"]);
        }
        var checkedValues = 0;
        foreach (var question in view.Questions)
        {
            var theme = Data.Questionnaire.FindThemeOf(question.Key)!.Key;
            Assert.AreEqual(Text(question.Answered), Single(csv, "question", theme, question.Key, "answered")["value"]);
            if (question.Mean is { } mean)
            {
                Assert.AreEqual(Text(mean), Single(csv, "question", theme, question.Key, "mean")["value"]);
                Assert.AreEqual(Text(question.Q3), Single(csv, "question", theme, question.Key, "q3")["value"]);
                checkedValues++;
            }
            foreach (var option in question.Distribution ?? [])
            {
                Assert.AreEqual(Text(option.Count), Single(csv, "question", theme, question.Key, "count", option: option.Option)["value"]);
                Assert.AreEqual(Text(option.Percent), Single(csv, "question", theme, question.Key, "percent", option: option.Option)["value"]);
                checkedValues++;
            }
            foreach (var cell in question.Cells ?? [])
            {
                var row = Single(csv, "question", theme, question.Key, "cell_sum", row: cell.Row, column: cell.Column);
                Assert.AreEqual(Text(cell.Sum), row["value"]);
                Assert.AreEqual(cell.Suppressed ? "true" : "false", row["suppressed"]);
                Assert.AreEqual(cell.Reason ?? "", row["reason"]);
                checkedValues++;
            }
        }
        Assert.IsGreaterThan(100, checkedValues);
    }

    [TestMethod]
    public void Withheld_grid_figures_are_empty_with_their_reason()
    {
        var view = Data.PublishedView(InstitutionType.Universiteit);
        var csv = Parse(SectorViewCsv.ToBytes(Data.Questionnaire, view), ';');

        var withheld = csv.Rows.Where(r => r["statistic"] == "cell_sum" && r["suppressed"] == "true").ToList();

        Assert.IsNotEmpty(withheld);
        Assert.IsTrue(withheld.All(r => r["value"] == "" && r["reason"] is "threshold" or "dominance" or "secondary"));
    }

    [TestMethod]
    public void A_view_withheld_as_a_whole_has_the_same_rows_without_values()
    {
        var full = Parse(SectorViewCsv.ToBytes(Data.Questionnaire, Data.PublishedView(InstitutionType.Universiteit)), ';');
        var withheld = Parse(SectorViewCsv.ToBytes(Data.Questionnaire, Data.PublishedView(InstitutionType.To2Instituut)), ';');

        Assert.AreSequenceEqual(
            full.Rows.Select(r => (r["level"], r["question"], r["statistic"], r["option"], r["row"], r["column"])).ToArray(),
            withheld.Rows.Select(r => (r["level"], r["question"], r["statistic"], r["option"], r["row"], r["column"])).ToArray());
        foreach (var row in withheld.Rows.Where(r => r["statistic"] != "norm"))
        {
            Assert.AreEqual("", row["value"], $"{row["question"]} {row["statistic"]}");
            Assert.AreEqual("true", row["suppressed"]);
            Assert.AreEqual("group_too_small", row["reason"]);
        }
    }

    [TestMethod]
    public void A_comma_separated_file_has_the_same_content()
    {
        var view = Data.PublishedView(InstitutionType.Umc);

        var semicolon = Parse(SectorViewCsv.ToBytes(Data.Questionnaire, view), ';');
        var comma = Parse(SectorViewCsv.ToBytes(Data.Questionnaire, view, SectorViewCsv.Comma), ',');

        Assert.HasCount(semicolon.Rows.Count, comma.Rows);
        for (var i = 0; i < comma.Rows.Count; i++)
        {
            Assert.AreSequenceEqual(semicolon.Rows[i].Values.ToArray(), comma.Rows[i].Values.ToArray());
        }
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SectorViewCsv.ToBytes(Data.Questionnaire, view, '\t'));
    }

    [TestMethod]
    public void Only_the_published_view_is_exported()
    {
        Assert.ThrowsExactly<ArgumentException>(() => SectorViewCsv.ToBytes(Data.Questionnaire, Data.InternalView(InstitutionType.Universiteit)));
        Assert.ThrowsExactly<ArgumentException>(() => SectorViewCsv.ToBytes(
            Data.Questionnaire, Data.InternalView(InstitutionType.Universiteit) with { View = SectorViewKinds.Published }));
    }

    [TestMethod]
    public void The_trend_is_exported_with_its_withheld_side()
    {
        var baseline = Data.InternalView(InstitutionType.To2Instituut) with { RoundId = "2021-kennisveiligheid" };
        var view = Core.Disclosure.PublishedForm.Of(Data.InternalView(InstitutionType.Universiteit, baseline));

        var csv = Parse(SectorViewCsv.ToBytes(Data.Questionnaire, view), ';');

        var delta = Single(csv, "theme", "governance", null, "delta_mean");
        Assert.AreEqual("", delta["value"]);
        Assert.AreEqual("true", delta["suppressed"]);
        Assert.AreEqual("group_too_small", delta["reason"]);
        Assert.AreEqual("true", Single(csv, "question", "governance", "governance.volwassenheid", "baseline_mean")["suppressed"]);
    }
}
