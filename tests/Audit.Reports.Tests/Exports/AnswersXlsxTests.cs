using System.Globalization;
using System.Text.Json;
using Audit.Core.Rounds;
using Audit.Reports.Exports;
using Audit.Reports.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Audit.Reports.Tests.Exports;

/// <summary>The answers workbook opens with the Open XML SDK and has the expected sheets, headers and values.</summary>
[TestClass]
public sealed class AnswersXlsxTests
{
    private static readonly SyntheticRound Data = new();
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static IEnumerable<InstitutionAnswers> All(SyntheticRound data) =>
        data.Institutions.Select(i => new InstitutionAnswers(i, i.Id == "ou" ? ParticipationStatus.InProgress : ParticipationStatus.Accepted, data.Answers[i.Id]));

    private static byte[] Export(IEnumerable<InstitutionAnswers>? institutions = null) =>
        AnswersXlsx.ToBytes(Data.Questionnaire, new AnswersExportInfo(Data.Round, GeneratedAt, "analist@auditbureau.nl"), institutions ?? All(Data));

    /// <summary>A sheet as rows of cell texts keyed by column letter (numbers as their invariant text).</summary>
    private sealed class SheetReader(WorksheetPart part)
    {
        public List<Dictionary<string, Cell>> Rows { get; } = part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray())))
            .ToList();

        public List<string> Header => [.. Rows[0].OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => Text(c.Value))];

        public Dictionary<string, Cell> RowOf(string id) => Rows.Single(r => r.TryGetValue("A", out var a) && Text(a) == id);

        public Cell? Cell(string id, string column) => RowOf(id).GetValueOrDefault(Letter(Header.IndexOf(column)));

        public static string Text(Cell cell) =>
            cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.Text!.Text : cell.CellValue!.Text;

        public static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : "A" + (char)('A' + index - 26);
    }

    private static T WithWorkbook<T>(byte[] bytes, Func<WorkbookPart, Func<string, SheetReader>, T> read)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        SheetReader Sheet(string name) =>
            new((WorksheetPart)workbook.GetPartById(workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == name).Id!));
        return read(workbook, Sheet);
    }

    [TestMethod]
    public void The_workbook_is_valid_Open_XML()
    {
        using var stream = new MemoryStream(Export());
        using var document = SpreadsheetDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.IsEmpty(errors, string.Join("\n", errors));
    }

    [TestMethod]
    public void There_is_a_sheet_per_theme_then_the_codebook_and_the_metadata()
    {
        var names = WithWorkbook(Export(), (workbook, _) => workbook.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value!).ToList());

        Assert.AreSequenceEqual(
            Data.Questionnaire.Themes.Select(t => t.Key).Append("Codebook").Append("Metadata").ToArray(),
            names.ToArray());
    }

    [TestMethod]
    public void A_theme_sheet_has_a_row_per_institution_and_a_column_per_question()
    {
        WithWorkbook(Export(), (_, sheet) =>
        {
            var theme = Data.Questionnaire.Themes[1];
            var risk = sheet(theme.Key);
            Assert.AreSequenceEqual(new[] { "id", "name", "type", "status" }.Concat(theme.Questions.Select(q => q.Key)).ToArray(), risk.Header.ToArray());
            Assert.HasCount(Data.Institutions.Count + 1, risk.Rows);
            Assert.AreEqual("Universiteit Leiden", SheetReader.Text(risk.Cell("leiden", "name")!));
            Assert.AreEqual("universiteit", SheetReader.Text(risk.Cell("leiden", "type")!));
            Assert.AreEqual("accepted", SheetReader.Text(risk.Cell("leiden", "status")!));
            Assert.AreEqual("in_progress", SheetReader.Text(risk.Cell("ou", "status")!));
            return 0;
        });
    }

    [TestMethod]
    public void Answers_are_written_by_type()
    {
        var answers = Data.Answers["leiden"];
        WithWorkbook(Export(), (_, sheet) =>
        {
            var governance = sheet("governance");
            Assert.AreEqual(answers["governance.bestuurder"].GetString(), SheetReader.Text(governance.Cell("leiden", "governance.bestuurder")!));

            var maturity = governance.Cell("leiden", "governance.volwassenheid")!;
            Assert.AreEqual(CellValues.Number, maturity.DataType!.Value);
            Assert.AreEqual(answers["governance.volwassenheid"].GetInt32().ToString(CultureInfo.InvariantCulture), maturity.CellValue!.Text);

            var choice = Data.Questionnaire.FindQuestion("governance.rapportage_rvt")!;
            Assert.AreEqual(
                choice.Options.Single(o => o.Key == answers["governance.rapportage_rvt"].GetString()).Label,
                SheetReader.Text(governance.Cell("leiden", "governance.rapportage_rvt")!));

            // Hidden by "coordinator = yes": the stale answer (every synthetic institution has one) is not exported.
            var withCoordinator = Data.Answers.First(a => a.Value["governance.coordinator"].GetString() == "yes").Key;
            Assert.IsNull(governance.Cell(withCoordinator, "governance.toelichting_coordinator"));
            var withoutCoordinator = Data.Answers.First(a => a.Value["governance.coordinator"].GetString() == "no").Key;
            Assert.IsNotNull(governance.Cell(withoutCoordinator, "governance.toelichting_coordinator"));

            var partners = sheet("partnerschappen");
            var multi = Data.Questionnaire.FindQuestion("partnerschappen.toetsmomenten")!;
            var chosen = answers["partnerschappen.toetsmomenten"].EnumerateArray().Select(e => e.GetString()).ToHashSet();
            Assert.AreEqual(
                string.Join("; ", multi.Options.Where(o => chosen.Contains(o.Key)).Select(o => o.Label)),
                SheetReader.Text(partners.Cell("leiden", "partnerschappen.toetsmomenten")!));

            var risk = sheet("risicoanalyse");
            var number = risk.Cell("leiden", "risicoanalyse.aantal_beoordeeld")!;
            Assert.AreEqual(CellValues.Number, number.DataType!.Value);
            Assert.AreEqual(answers["risicoanalyse.aantal_beoordeeld"].GetDecimal(), decimal.Parse(number.CellValue!.Text, CultureInfo.InvariantCulture));

            // The outcomes grid shows only after "risk assessment carried out = yes".
            var assessing = Data.Answers.First(a => a.Value["risicoanalyse.uitgevoerd"].GetString() == "yes").Key;
            var grid = SheetReader.Text(risk.Cell(assessing, "risicoanalyse.uitkomsten")!);
            var cells = grid.Split("; ");
            Assert.HasCount(12, cells);
            var cn = Data.Answers[assessing]["risicoanalyse.uitkomsten"].GetProperty("cn");
            var continued = cn.TryGetProperty("continued", out var value) ? value.GetInt64() : 0;
            Assert.AreEqual($"cn/continued={continued}", cells[0]);

            Assert.AreEqual("Universiteit Leiden (leiden) licht toe: bewustzijn.toelichting.",
                SheetReader.Text(sheet("bewustzijn").Cell("leiden", "bewustzijn.toelichting")!));
            return 0;
        });
    }

    [TestMethod]
    public void Formulas_and_control_characters_in_text_stay_harmless()
    {
        var leiden = Data.Institution("leiden");
        var answers = new Dictionary<string, JsonElement>(Data.Answers["leiden"])
        {
            ["bewustzijn.toelichting"] = JsonSerializer.SerializeToElement("=HYPERLINK(\"http://x\")\u0001 einde"),
        };

        WithWorkbook(Export([new InstitutionAnswers(leiden with { Name = "=1+1" }, ParticipationStatus.Accepted, answers)]), (_, sheet) =>
        {
            var text = sheet("bewustzijn").Cell("leiden", "bewustzijn.toelichting")!;
            Assert.AreEqual(CellValues.InlineString, text.DataType!.Value);
            Assert.IsNull(text.CellFormula);
            Assert.AreEqual("=HYPERLINK(\"http://x\") einde", SheetReader.Text(text));
            Assert.AreEqual("=1+1", SheetReader.Text(sheet("bewustzijn").Cell("leiden", "name")!));
            return 0;
        });
    }

    [TestMethod]
    public void The_codebook_describes_every_question()
    {
        WithWorkbook(Export(), (_, sheet) =>
        {
            var codebook = sheet("Codebook");
            Assert.AreSequenceEqual(AnswersXlsx.CodebookColumns.ToArray(), codebook.Header.ToArray());
            Assert.HasCount(Data.Questionnaire.AllQuestions.Count() + 1, codebook.Rows);

            var maturity = codebook.Cell("governance.volwassenheid", "options")!;
            Assert.AreEqual("0=Niet aanwezig; 1=Ad hoc; 2=Herhaalbaar; 3=Gedefinieerd; 4=Beheerst; 5=Geoptimaliseerd", SheetReader.Text(maturity));
            Assert.AreEqual(">= 3", SheetReader.Text(codebook.Cell("governance.volwassenheid", "norm")!));
            Assert.AreEqual("maturity", SheetReader.Text(codebook.Cell("governance.volwassenheid", "type")!));
            Assert.AreEqual("yes", SheetReader.Text(codebook.Cell("governance.bestuurder", "norm")!));
            Assert.AreEqual("annual", SheetReader.Text(codebook.Cell("governance.rapportage_rvt", "norm")!));
            Assert.AreEqual("governance.coordinator = no", SheetReader.Text(codebook.Cell("governance.toelichting_coordinator", "visible_when")!));
            Assert.AreEqual(Data.Questionnaire.FindQuestion("governance.bestuurder")!.Text, SheetReader.Text(codebook.Cell("governance.bestuurder", "text")!));
            Assert.StartsWith("rows: cn=China;", SheetReader.Text(codebook.Cell("risicoanalyse.uitkomsten", "options")!));
            return 0;
        });
    }

    [TestMethod]
    public void The_metadata_names_the_round_questionnaire_time_and_author()
    {
        WithWorkbook(Export(), (_, sheet) =>
        {
            var metadata = sheet("Metadata");
            string Field(string name) => SheetReader.Text(metadata.RowOf(name)["B"]);
            Assert.AreEqual(SyntheticRound.RoundId, Field("round"));
            Assert.AreEqual("kennisveiligheid", Field("questionnaire"));
            Assert.AreEqual("2023", Field("questionnaire_version"));
            Assert.AreEqual("2026-11-22T10:00:00Z", Field("generated_at"));
            Assert.AreEqual("analist@auditbureau.nl", Field("generated_by"));
            Assert.AreEqual(Data.Institutions.Count.ToString(CultureInfo.InvariantCulture), Field("institutions"));
            return 0;
        });
    }

    [TestMethod]
    public void The_round_must_use_the_questionnaire()
    {
        var info = new AnswersExportInfo(Data.Round with { Questionnaire = new QuestionnaireRef("kennisveiligheid", "2025") }, GeneratedAt, "x");

        Assert.ThrowsExactly<ArgumentException>(() => AnswersXlsx.ToBytes(Data.Questionnaire, info, []));
    }

    [TestMethod]
    public void Column_letters_continue_past_z()
    {
        Assert.AreEqual("A", XlsxWorkbook.ColumnName(0));
        Assert.AreEqual("Z", XlsxWorkbook.ColumnName(25));
        Assert.AreEqual("AA", XlsxWorkbook.ColumnName(26));
        Assert.AreEqual("AZ", XlsxWorkbook.ColumnName(51));
        Assert.AreEqual("BA", XlsxWorkbook.ColumnName(52));
        Assert.AreEqual("ZZ", XlsxWorkbook.ColumnName(701));
        Assert.AreEqual("AAA", XlsxWorkbook.ColumnName(702));
    }
}
