using System.Text.Json;
using System.Text.RegularExpressions;
using Audit.Core.Institutions;
using Audit.Reports.Localization;
using Audit.Reports.Mapping;
using Audit.Reports.Models;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>
/// The issue's confidentiality checks on reports built the way production builds them: a real sector view
/// (SectorViewBuilder over answers to the shipped 2023 questionnaire from every institution in the shipped
/// registry), published, mapped and rendered.
/// </summary>
[TestClass]
public sealed class MappedConfidentialityTests
{
    private const string Attack = " <script>alert(1)</script> \"><img src=x onerror=alert(1)> {{ 1+1 }}";
    private const string EscapedAttack = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; {{ 1+1 }}";

    private static readonly ReportRenderer Renderer = new(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default);

    private static string Attacked(string text) => text + Attack;

    private static int Occurrences(string html, string text) => html.Split(text).Length - 1;

    private static void AssertNothingUnescaped(string html, string name)
    {
        Assert.DoesNotContain("<script", html, name);
        Assert.DoesNotContain("<img", html, name);
        Assert.DoesNotContain("onerror=alert(1)>", html, name);
    }

    [TestMethod]
    public void Attacks_in_names_answers_comments_and_findings_are_escaped_and_not_evaluated_in_all_three_reports()
    {
        var data = new SyntheticRound(Attacked);
        var summaries = data.Questionnaire.Themes.ToDictionary(t => t.Key, t => Attacked($"Samenvatting {t.Title}."), StringComparer.Ordinal);
        var views = data.PublishedViews();
        var parliament = ParliamentReportMapper.Map(
            data.Round, data.Questionnaire, views, summary: [Attacked("Inleiding.")],
            themeSummaries: views.ToDictionary(v => v.InstitutionType, _ => (IReadOnlyDictionary<string, string>)summaries));
        var sector = SectorReportMapper.Document(data.Round, data.Questionnaire, data.PublishedView(InstitutionType.Universiteit), themeSummaries: summaries);
        var feedback = FeedbackReportMapper.Map(data.Feedback("leiden", Attacked));

        foreach (var language in ReportLanguages.All)
        {
            var options = new ReportRenderOptions(language);
            var feedbackHtml = Renderer.RenderFeedback(feedback, options).Html;
            var sectorHtml = Renderer.RenderSector(sector, options).Html;
            var parliamentHtml = Renderer.RenderParliament(parliament, options).Html;
            AssertNothingUnescaped(feedbackHtml, $"feedback.{language}");
            AssertNothingUnescaped(sectorHtml, $"sector.{language}");
            AssertNothingUnescaped(parliamentHtml, $"parliament.{language}");

            // Every text shown carries the attack literally, once per injection: nothing was dropped or evaluated.
            var own = feedback.Themes.SelectMany(t => t.Questions).Select(q => q.Own).ToList();
            var shownTexts = 1 + 1 + (2 * feedback.Themes.Count) + own.Count(a => a.Text is not null) + own.Count(a => a.Comment is not null);
            Assert.IsGreaterThanOrEqualTo(shownTexts, Occurrences(feedbackHtml, EscapedAttack), $"feedback.{language}");
            Assert.IsGreaterThan(30, shownTexts);
            Assert.AreEqual(Occurrences(feedbackHtml, "{{ 1+1 }}"), Occurrences(feedbackHtml, EscapedAttack));

            // The sector reports show only the bureau's summaries: no name, answer or comment, so exactly those.
            Assert.AreEqual(summaries.Count, Occurrences(sectorHtml, EscapedAttack), $"sector.{language}");
            Assert.AreEqual(1 + (summaries.Count * parliament.PublishedSectors), Occurrences(parliamentHtml, EscapedAttack), $"parliament.{language}");
            Assert.AreEqual(Occurrences(parliamentHtml, EscapedAttack), Occurrences(parliamentHtml, "{{ 1+1 }}"));
        }
    }

    [TestMethod]
    public void Sector_and_parliament_reports_built_from_real_views_name_no_institution()
    {
        var data = new SyntheticRound();
        var views = data.PublishedViews();
        var parliament = ParliamentReportMapper.Map(data.Round, data.Questionnaire, views);
        var documents = views.Select(v => SectorReportMapper.Document(data.Round, data.Questionnaire, v)).ToList();
        var models = documents.Select(d => (object)d).Append(parliament).ToList();
        var htmls = documents.Select(d => Renderer.RenderSector(d).Html)
            .Concat(documents.Select(d => Renderer.RenderSector(d, new ReportRenderOptions(ReportLanguage.En)).Html))
            .Append(Renderer.RenderParliament(parliament).Html)
            .ToList();
        // Keys of the questionnaire are definition, not data: the grid row "ru" (Rusland) is no institution.
        var definitionKeys = data.Questionnaire.AllQuestions
            .SelectMany(q => q.Options.Concat(q.Rows).Concat(q.Columns).Select(o => o.Key))
            .ToHashSet(StringComparer.Ordinal);
        var modelStrings = models.SelectMany(m => Strings(JsonSerializer.SerializeToElement(m))).Where(s => !definitionKeys.Contains(s)).ToList();

        Assert.HasCount(6, documents);
        foreach (var institution in data.Institutions)
        {
            foreach (var html in htmls)
            {
                Assert.DoesNotContain(institution.Name, html);
            }
            // Ids are short words ("um", "hr"), so they are looked for as whole tokens in every string of the models.
            var id = new Regex($@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(institution.Id)}(?![\p{{L}}\p{{N}}_])", RegexOptions.CultureInvariant);
            var leaked = modelStrings.FirstOrDefault(s => id.IsMatch(s));
            Assert.IsNull(leaked, $"'{institution.Id}' occurs in \"{leaked}\"");
        }

        // The check can fail: the same institutions' feedback reports are full of their names and ids.
        var feedback = FeedbackReportMapper.Map(data.Feedback("uva"));
        Assert.Contains("Universiteit van Amsterdam", Renderer.RenderFeedback(feedback).Html);
        Assert.Contains(s => s.Contains("(uva)", StringComparison.Ordinal), Strings(JsonSerializer.SerializeToElement(feedback)).ToList());
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
