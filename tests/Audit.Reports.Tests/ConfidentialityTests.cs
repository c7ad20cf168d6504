using Audit.Core.Institutions;
using Audit.Reports.Localization;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>Respondents' text never becomes markup or template code, and the sector reports name no institution.</summary>
[TestClass]
public sealed class ConfidentialityTests
{
    private const string Attack = " <script>alert(1)</script> \"><img src=x onerror=alert(1)> {{ 1+1 }}";

    private static readonly ReportRenderer Renderer = new(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default);

    private static IEnumerable<(string Name, string Html)> AllReports(Func<string, string> user)
    {
        var fixtures = new ReportFixtures(user);
        foreach (var language in ReportLanguages.All)
        {
            var options = new ReportRenderOptions(language);
            yield return ($"feedback.{language}", Renderer.RenderFeedback(FeedbackFixtures.Leiden(user), options).Html);
            yield return ($"sector.{language}", Renderer.RenderSector(fixtures.SectorDocument, options).Html);
            yield return ($"parliament.{language}", Renderer.RenderParliament(fixtures.Parliament, options).Html);
        }
    }

    [TestMethod]
    public void Attacks_in_every_user_text_are_escaped_and_not_evaluated()
    {
        var injected = 0;
        foreach (var (name, html) in AllReports(text => text + Attack))
        {
            Assert.DoesNotContain("<script", html, name);
            Assert.DoesNotContain("<img", html, name);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; {{ 1+1 }}", html, name);
            injected += html.Split("{{ 1+1 }}").Length - 1;
        }
        // Institution name, answers, comments, findings, titles and summaries all carried the attack.
        Assert.IsGreaterThan(30, injected);
    }

    [TestMethod]
    public void Sector_and_parliament_reports_name_no_institution()
    {
        var registry = InstitutionRegistry.Parse(File.ReadAllText(Path.Combine(TemplateFolders.Shipped, "registry", "institutions.csv")));
        Assert.IsTrue(registry.IsValid);
        var fixtures = new ReportFixtures();

        foreach (var html in new[] { Renderer.RenderSector(fixtures.SectorDocument).Html, Renderer.RenderParliament(fixtures.Parliament).Html })
        {
            foreach (var institution in registry.Institutions)
            {
                Assert.DoesNotContain(institution.Name, html);
            }
        }
        // The check can fail: the feedback report does name its institution.
        Assert.Contains("Universiteit Leiden", Renderer.RenderFeedback(FeedbackFixtures.Leiden()).Html);
    }

    [TestMethod]
    public void A_feedback_report_in_a_suppressed_sector_shows_no_sector_numbers()
    {
        var fixtures = new ReportFixtures();
        var own = FeedbackFixtures.Leiden();
        var suppressedTheme = fixtures.To2Institutes.Themes[0];
        var report = own with
        {
            Sector = fixtures.To2Institutes,
            Themes = [own.Themes[0] with { Sector = suppressedTheme, Questions = [own.Themes[0].Questions[0] with { Sector = suppressedTheme.Questions[0] }] }],
        };

        var html = Renderer.RenderFeedback(report).Html;

        Assert.Contains("Voor deze sector worden geen cijfers gepubliceerd", html);
        Assert.DoesNotContain("<svg", html);
        Assert.DoesNotContain("Mediaan sector", html);
        Assert.DoesNotContain("Responspercentage", html);
        // The institution's own answer is still there.
        Assert.Contains("4 – getoetst", html);
    }
}
