using Audit.Core.Disclosure;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.SectorViews;
using Audit.Reports.Mapping;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests.Mapping;

/// <summary>A real published sector view (SectorViewBuilder over the shipped questionnaire) becomes the sector report model.</summary>
[TestClass]
public sealed class SectorMappingTests
{
    private static readonly SyntheticRound Data = new();

    [TestMethod]
    public void Every_theme_and_question_appears_in_definition_order_with_its_number_and_texts()
    {
        var sector = SectorReportMapper.Map(Data.Round, Data.Questionnaire, Data.PublishedView(InstitutionType.Universiteit));

        Assert.AreSequenceEqual(Data.Questionnaire.Themes.Select(t => t.Key).ToList(), sector.Themes.Select(t => t.Key).ToList());
        Assert.AreEqual("Governance en organisatie", sector.Themes[0].Title);
        var first = sector.Themes[0].Questions[0];
        Assert.AreEqual("1.1", first.Number);
        Assert.AreEqual("governance.bestuurder", first.Key);
        Assert.AreEqual(Data.Questionnaire.Themes[0].Questions[0].Text, first.Text);
        Assert.AreEqual("9.11", sector.Themes[8].Questions[10].Number);
        Assert.AreEqual(14, sector.Included);
        Assert.AreEqual(14, sector.Response!.Accepted);
        Assert.AreEqual(new Models.DisclosureSummary(5, 2, 85), sector.Disclosure);
    }

    [TestMethod]
    public void Statistics_are_the_published_figures_with_option_labels_from_the_questionnaire()
    {
        var view = Data.PublishedView(InstitutionType.Universiteit);
        var sector = SectorReportMapper.Map(Data.Round, Data.Questionnaire, view);
        var questions = sector.Themes.SelectMany(t => t.Questions).ToDictionary(q => q.Key);

        var maturity = view.Questions.Single(q => q.Key == "governance.volwassenheid");
        var mapped = questions["governance.volwassenheid"];
        Assert.IsFalse(mapped.Suppressed);
        Assert.AreEqual(maturity.Mean, mapped.Stats!.Mean);
        Assert.AreEqual(maturity.Q1, mapped.Stats.Q1);
        Assert.AreEqual(maturity.Answered, mapped.Stats.N);
        Assert.AreEqual(3m, mapped.Norm);
        Assert.AreEqual(maturity.MeetsNorm!.Count, mapped.MeetsNorm!.Count);
        Assert.AreSequenceEqual(new[] { "0", "1", "2", "3", "4", "5" }, mapped.Distribution.Select(d => d.Option).ToArray());
        Assert.AreEqual("3 – Gedefinieerd", mapped.Distribution[3].Label);
        Assert.AreEqual(maturity.Distribution![3].Count, mapped.Distribution[3].Count);

        Assert.AreSequenceEqual(new[] { "Ja", "Nee" }, questions["governance.bestuurder"].Distribution.Select(d => d.Label).ToArray());
        Assert.AreEqual("Ten minste jaarlijks, als vast agendapunt of in het jaarverslag", questions["governance.rapportage_rvt"].Distribution[2].Label);

        var theme = view.Themes[0];
        Assert.AreEqual(theme.Median, sector.Themes[0].Score!.Median);
        Assert.AreEqual(theme.MeetsNorm!.Percent, sector.Themes[0].MeetsNorm!.Percent);
        Assert.AreEqual(3m, sector.Themes[0].Norm);
    }

    [TestMethod]
    public void Grid_figures_withheld_in_the_view_are_withheld_in_the_report()
    {
        var withheld = 0;
        foreach (var view in Data.PublishedViews().Where(v => !v.Suppressed))
        {
            var stats = view.Questions.Single(q => q.Key == "risicoanalyse.uitkomsten");
            var grid = SectorReportMapper.Map(Data.Round, Data.Questionnaire, view)
                .Themes.SelectMany(t => t.Questions).Single(q => q.Key == "risicoanalyse.uitkomsten").Grid!;
            Assert.AreEqual("Voortgezet", grid.Columns[0].Label);
            Assert.AreEqual("China", grid.Rows[0].Label);
            foreach (var cell in stats.Cells!)
            {
                var row = grid.Rows.Single(r => r.Key == cell.Row);
                var mapped = row.Cells[grid.Columns.Select(c => c.Key).ToList().IndexOf(cell.Column)];
                Assert.AreEqual(cell.Suppressed, mapped.Suppressed, $"{view.InstitutionType} {cell.Row}/{cell.Column}");
                Assert.AreEqual(cell.Sum, (long?)mapped.Sum);
                Assert.AreEqual(cell.Reason, mapped.Reason);
                withheld += mapped.Suppressed ? 1 : 0;
            }
            Assert.AreEqual(stats.Total!.Sum, (long?)grid.Total.Sum);
            Assert.AreEqual(stats.Cells.Any(c => c.Suppressed) || stats.RowTotals!.Any(r => r.Suppressed), grid.HasSuppressed);
        }
        Assert.IsGreaterThan(0, withheld, "The synthetic data should make the disclosure rules withhold some cells.");
    }

    [TestMethod]
    public void A_sector_withheld_as_a_whole_keeps_only_its_texts()
    {
        var sector = SectorReportMapper.Map(Data.Round, Data.Questionnaire, Data.PublishedView(InstitutionType.To2Instituut));

        Assert.IsTrue(sector.Suppressed);
        Assert.AreEqual(SuppressionReasons.GroupTooSmall, sector.SuppressedReason);
        Assert.IsNull(sector.Included);
        Assert.IsNull(sector.Response);
        Assert.HasCount(Data.Questionnaire.Themes.Count, sector.Themes);
        foreach (var theme in sector.Themes)
        {
            Assert.IsTrue(theme.Suppressed);
            Assert.IsNull(theme.Score);
            Assert.IsNull(theme.MeetsNorm);
            foreach (var question in theme.Questions)
            {
                Assert.IsTrue(question.Suppressed);
                Assert.AreEqual(SuppressionReasons.GroupTooSmall, question.SuppressedReason);
                Assert.AreEqual(0, question.Answered);
                Assert.IsNull(question.Stats);
                Assert.IsEmpty(question.Distribution);
                Assert.IsNull(question.Grid);
            }
        }
        Assert.AreEqual("Governance en organisatie", sector.Themes[0].Title);
    }

    [TestMethod]
    public void The_internal_view_is_refused()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            SectorReportMapper.Map(Data.Round, Data.Questionnaire, Data.InternalView(InstitutionType.Universiteit)));

        Assert.Contains("published sector view only", error.Message);
    }

    [TestMethod]
    public void An_internal_view_labelled_published_is_refused()
    {
        var relabelled = Data.InternalView(InstitutionType.Universiteit) with { View = SectorViewKinds.Published };

        Assert.ThrowsExactly<ArgumentException>(() => SectorReportMapper.Map(Data.Round, Data.Questionnaire, relabelled));
    }

    [TestMethod]
    public void A_published_view_with_a_suppressed_figure_filled_in_is_refused()
    {
        var view = Data.PublishedView(InstitutionType.Universiteit);
        var grid = view.Questions.Single(q => q.Key == "risicoanalyse.uitkomsten");
        var hidden = grid.Cells!.First(c => c.Suppressed);
        var tampered = view with
        {
            Questions = view.Questions.Select(q => q.Key != grid.Key ? q : q with
            {
                Cells = q.Cells!.Select(c => c == hidden ? c with { Sum = 3 } : c).ToList(),
            }).ToList(),
        };

        var error = Assert.ThrowsExactly<ArgumentException>(() => SectorReportMapper.Map(Data.Round, Data.Questionnaire, tampered));

        Assert.Contains("shows a suppressed figure", error.Message);
    }

    [TestMethod]
    public void A_view_of_another_round_or_questionnaire_is_refused()
    {
        var view = Data.PublishedView(InstitutionType.Universiteit);

        Assert.ThrowsExactly<ArgumentException>(() => SectorReportMapper.Map(Data.Round with { Id = "2025-kennisveiligheid" }, Data.Questionnaire, view));
        Assert.ThrowsExactly<ArgumentException>(() => SectorReportMapper.Map(Data.Round, Data.Questionnaire with { Version = "2025" }, view));
    }

    [TestMethod]
    public void A_trend_against_a_withheld_baseline_is_withheld_and_against_a_published_one_is_shown()
    {
        var withheldBaseline = Data.InternalView(InstitutionType.To2Instituut) with { RoundId = "2021-kennisveiligheid" };
        var publishedBaseline = Data.InternalView(InstitutionType.Hogeschool) with { RoundId = "2021-kennisveiligheid" };

        var againstWithheld = SectorReportMapper.Map(Data.Round, Data.Questionnaire,
            PublishedForm.Of(Data.InternalView(InstitutionType.Universiteit, withheldBaseline)));
        var againstPublished = SectorReportMapper.Map(Data.Round, Data.Questionnaire,
            PublishedForm.Of(Data.InternalView(InstitutionType.Universiteit, publishedBaseline)));

        var withheld = againstWithheld.Themes[0].Trend!;
        Assert.IsTrue(withheld.BaselineWithheld);
        Assert.IsTrue(withheld.DeltaWithheld);
        Assert.IsNull(withheld.BaselineMean);
        Assert.IsNull(withheld.DeltaMean);

        var shown = againstPublished.Themes[0].Trend!;
        var baselineTheme = PublishedForm.Of(publishedBaseline).Themes[0];
        Assert.IsFalse(shown.BaselineWithheld);
        Assert.IsFalse(shown.DeltaWithheld);
        Assert.AreEqual(baselineTheme.Mean, shown.BaselineMean);
        Assert.AreEqual(againstPublished.Themes[0].Score!.Mean - baselineTheme.Mean, shown.DeltaMean);
        var maturity = againstPublished.Themes[0].Questions.Single(q => q.Type == QuestionType.Maturity.ToWireName());
        Assert.IsNotNull(maturity.Trend);
        // Text and grid questions have no trend.
        Assert.IsNull(againstPublished.Themes[1].Questions.Single(q => q.Type == "grid").Trend);
    }

    [TestMethod]
    public void The_parliament_report_has_one_chapter_per_type_in_registry_order()
    {
        var views = Data.PublishedViews().Reverse().ToList();

        var report = ParliamentReportMapper.Map(Data.Round, Data.Questionnaire, views, summary: ["Samenvatting.", "  "]);

        Assert.AreSequenceEqual(
            new[] { "universiteit", "hogeschool", "nwo_instituut", "knaw_instituut", "to2_instituut", "umc" },
            report.Sectors.Select(s => s.InstitutionType).ToArray());
        Assert.AreEqual(5, report.PublishedSectors);
        Assert.AreSequenceEqual(new[] { "Samenvatting." }, report.Summary.ToArray());
        Assert.ThrowsExactly<ArgumentException>(() =>
            ParliamentReportMapper.Map(Data.Round, Data.Questionnaire, [views[0], views[0]]));
    }
}
