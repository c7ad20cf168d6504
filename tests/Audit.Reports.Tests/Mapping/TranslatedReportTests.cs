using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Reports.Localization;
using Audit.Reports.Mapping;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests.Mapping;

/// <summary>An English report of the shipped questionnaire: its English texts, and Dutch marked as Dutch where English is missing.</summary>
[TestClass]
public sealed class TranslatedReportTests
{
    private static readonly SyntheticRound Data = new();

    private const string DutchQuestion = "Heeft de instelling een instellingsbrede risicoanalyse van haar internationale samenwerkingen uitgevoerd?";
    private const string EnglishQuestion = "Has the institution carried out an institution-wide risk assessment of its international collaborations?";

    private static string RenderEnglish(Questionnaire questionnaire) =>
        new ReportRenderer(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default).RenderSector(
            SectorReportMapper.Document(Data.Round, questionnaire.In("en"), Data.PublishedView(InstitutionType.Universiteit)),
            new ReportRenderOptions(ReportLanguage.En)).Html;

    [TestMethod]
    public void An_english_report_uses_the_english_question_texts_theme_titles_and_labels()
    {
        var sector = SectorReportMapper.Map(Data.Round, Data.Questionnaire.In("en"), Data.PublishedView(InstitutionType.Universiteit));
        var questions = sector.Themes.SelectMany(t => t.Questions).ToDictionary(q => q.Key);

        Assert.AreEqual("Governance and organisation", sector.Themes[0].Title);
        Assert.IsNull(sector.Themes[0].TitleLang);
        Assert.AreEqual(EnglishQuestion, questions["risicoanalyse.uitgevoerd"].Text);
        Assert.IsNull(questions["risicoanalyse.uitgevoerd"].TextLang);
        Assert.AreEqual("3 – Defined", questions["governance.volwassenheid"].Distribution.Single(d => d.Option == "3").Label);
        Assert.AreEqual("Yes", questions["governance.bestuurder"].Distribution.Single(d => d.Option == "yes").Label);
        var html = RenderEnglish(Data.Questionnaire);
        Assert.Contains(EnglishQuestion, html);
        Assert.DoesNotContain(DutchQuestion, html);
    }

    [TestMethod]
    public void A_text_without_english_stays_dutch_marked_lang_nl_and_a_dutch_report_is_unchanged()
    {
        var question = Data.Questionnaire.FindQuestion("risicoanalyse.uitgevoerd")!;
        var partly = Data.Questionnaire with
        {
            Themes = [.. Data.Questionnaire.Themes.Select(t => t with
            {
                Questions = [.. t.Questions.Select(q => q.Key == question.Key ? q with { LocalizedText = new LocalizedText(q.Text) } : q)],
            })],
        };

        var html = RenderEnglish(partly);

        Assert.Contains($" lang=\"nl\"><span class=\"number\">2.1</span> {DutchQuestion}</h", html);
        Assert.AreSame(Data.Questionnaire, Data.Questionnaire.In("nl"), "the own language needs no copy");
    }
}
