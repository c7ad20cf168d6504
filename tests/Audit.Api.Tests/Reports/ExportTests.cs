using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Reports.Exports;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Audit.Api.Tests.Reports.ReportWorld;

namespace Audit.Api.Tests.Reports;

/// <summary>The CSV and XLSX exports through the API: access, formats that parse back, and an audit event per export.</summary>
[TestClass]
public sealed class ExportTests
{
    private static List<Dictionary<string, string>> ParseCsv(byte[] csv, char separator)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default with { Separator = separator });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, reader.GetString(i))).ToDictionary(x => x.h, x => x.Item2));
        }
        Assert.AreSequenceEqual(SectorViewCsv.Columns.ToArray(), reader.Headers.ToArray());
        return rows;
    }

    [TestMethod]
    public async Task The_csv_is_utf8_with_a_bom_parses_back_and_takes_a_comma_on_request()
    {
        await using var world = await CreateAsync("exp-csv");
        await world.PublishAsync();
        var url = $"/api/v1/rounds/{world.RoundId}/sector-views/universiteit.csv";

        var response = await world.Ministry.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual($"sectorbeeld-{world.RoundId}-universiteit.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.AreSequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray());
        var rows = ParseCsv(bytes, ';');
        Assert.IsTrue(rows.All(r => r["round_id"] == world.RoundId && r["institution_type"] == "universiteit"));
        Assert.AreEqual("6", rows.Single(r => r["level"] == "sector" && r["statistic"] == "included")["value"]);

        var comma = await world.Ministry.GetByteArrayAsync($"/api/v1/rounds/{world.RoundId}/sector-views/universiteit/statistics.csv?separator=comma");
        var commaRows = ParseCsv(comma, ',');
        Assert.HasCount(rows.Count, commaRows);
        Assert.AreSequenceEqual(rows.Select(r => r["value"]).ToArray(), commaRows.Select(r => r["value"]).ToArray());

        var invalid = await ProblemAssert.IsProblemAsync(await world.Ministry.GetAsync(url + "?separator=tab"), HttpStatusCode.BadRequest);
        Assert.IsTrue(invalid.GetProperty("errors").TryGetProperty("separator", out _));
    }

    [TestMethod]
    public async Task The_ministry_gets_the_csv_only_after_publication_and_every_export_is_recorded()
    {
        await using var world = await CreateSmallAsync("exp-csv-access");
        var url = $"/api/v1/rounds/{world.RoundId}/sector-views/universiteit.csv";

        await ProblemAssert.IsProblemAsync(await world.Ministry.GetAsync(url), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await world.OwnRespondent.GetAsync(url), HttpStatusCode.Forbidden);
        Assert.AreEqual(HttpStatusCode.OK, (await world.Analyst.GetAsync(url)).StatusCode);
        await world.PublishAsync();
        Assert.AreEqual(HttpStatusCode.OK, (await world.Ministry.GetAsync(url)).StatusCode);

        var exports = await world.EventsAsync($"{world.RoundId}/universiteit", "sector-view.read-export");
        Assert.AreSequenceEqual(new[] { "ministry", "analyst" }, exports.Select(e => e.ActorRole).ToArray());
        Assert.IsTrue(exports.All(e => e.Summary!.StartsWith("csv sha256:", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task The_answers_workbook_opens_with_the_expected_sheets_and_is_recorded()
    {
        await using var world = await CreateSmallAsync("exp-xlsx");

        var response = await world.Analyst.GetAsync($"/api/v1/rounds/{world.RoundId}/exports/answers.xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(AnswersXlsx.ContentType, response.Content.Headers.ContentType?.MediaType);
        var questionnaire = await Collection.CollectionFixture.QuestionnaireAsync(world.App, "2023");
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var workbook = document.WorkbookPart!;
            var sheets = workbook.Workbook.Descendants<Sheet>().ToList();
            Assert.AreSequenceEqual(
                questionnaire.Themes.Select(t => t.Key).Append(AnswersXlsx.CodebookSheet).Append(AnswersXlsx.MetadataSheet).ToArray(),
                sheets.Select(s => s.Name!.Value!).ToArray());
            var first = (WorksheetPart)workbook.GetPartById(sheets[0].Id!);
            var rows = first.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Text).ToList()).ToList();
            Assert.AreSequenceEqual(
                AnswersXlsx.InstitutionColumns.Concat(questionnaire.Themes[0].Questions.Select(q => q.Key)).ToArray(), rows[0].ToArray());
            Assert.AreSequenceEqual(new[] { Own, Other }, rows.Skip(1).Select(r => r[0]).Order().ToArray());
            Assert.IsTrue(rows.Skip(1).All(r => r[3] == "accepted"));
            // Each row holds its own institution's answers: the numbers match what the answers API gives for it.
            // Empty cells are not written, so cells are placed by their reference, not their position.
            var header = rows[0];
            var seen = new List<string>();
            foreach (var row in first.Worksheet.Descendants<Row>().Skip(1))
            {
                var cells = row.Elements<Cell>().ToDictionary(c => ColumnOf(c.CellReference!.Value!), Text);
                var institution = cells[0];
                var set = await world.Analyst.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{world.Participations[institution]}/answers");
                var numbers = set.GetProperty("answers").EnumerateArray().Where(a => a.GetProperty("value").ValueKind == JsonValueKind.Number)
                    .ToDictionary(a => a.GetProperty("questionKey").GetString()!, a => a.GetProperty("value").GetRawText(), StringComparer.Ordinal);
                var columns = Enumerable.Range(AnswersXlsx.InstitutionColumns.Count, header.Count - AnswersXlsx.InstitutionColumns.Count)
                    .Where(i => numbers.ContainsKey(header[i])).ToList();
                Assert.IsNotEmpty(columns, $"{institution}: the first theme has numeric answers to compare");
                var expected = columns.Select(i => $"{header[i]}={numbers[header[i]]}").ToArray();
                var actual = columns.Select(i => $"{header[i]}={cells.GetValueOrDefault(i)}").ToArray();
                Assert.AreSequenceEqual(expected, actual, institution);
                seen.Add(string.Join(";", actual));
            }
            Assert.AreNotEqual(seen[0], seen[1], "the two institutions answered differently, so a mix-up would show");
        }
        await ProblemAssert.IsProblemAsync(await world.Ministry.GetAsync($"/api/v1/rounds/{world.RoundId}/exports/answers.xlsx"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await world.Analyst.GetAsync("/api/v1/rounds/no-such-round/exports/answers.xlsx"), HttpStatusCode.NotFound);
        var exports = await world.EventsAsync(world.RoundId, "answers.read-export");
        Assert.HasCount(1, exports);
        Assert.AreEqual("xlsx 2 participation(s)", exports[0].Summary);
    }

    /// <summary>Zero-based column of a reference such as "AB12".</summary>
    private static int ColumnOf(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (column, letter) => (column * 26) + (letter - 'A' + 1)) - 1;

    private static string Text(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.Text!.Text : cell.CellValue?.Text ?? "";
}
