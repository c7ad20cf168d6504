using System.Net;
using System.Net.Http.Json;
using Audit.Api.Questionnaires;
using Audit.Api.SectorViews;
using Audit.Api.Tests.Collection;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Audit.Application.Questionnaires;

namespace Audit.Api.Tests.Pages;

/// <summary>After submission: the bureau's return with remarks reaches the questions; after publication, the report pages lead to the report endpoint.</summary>
[TestClass]
public sealed class RespondentReviewPagesTests
{
    private const string Question = "risicoanalyse.aantal_beoordeeld";

    private static async Task SubmitCompleteAsync(RespondentWorld world, HttpClient browser, bool fill = true)
    {
        var services = world.App.Services;
        if (fill)
        {
            var questionnaire = (await services.GetRequiredService<QuestionnaireCatalog>().GetAsync("kennisveiligheid", "2023"))!;
            var writes = new SyntheticAnswers(3).For(questionnaire).Select(a => new AnswerWrite(a.QuestionKey, a.ValueJson)).ToList();
            Assert.IsTrue((await services.GetRequiredService<IAnswerRepository>().SaveBatchAsync(world.OwnId, writes, new Actor("c", "respondent"), DateTimeOffset.UtcNow)).Saved);
        }
        var path = $"/deelnames/{world.OwnId}/indienen";
        var submitted = await Browser.PostFormAsync(browser, path, ("__RequestVerificationToken", await RespondentWorld.TokenAsync(browser, path)));
        Assert.AreEqual(HttpStatusCode.Redirect, submitted.StatusCode, await submitted.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task A_returned_questionnaire_shows_the_bureaus_remarks_at_their_questions_until_it_is_submitted_again()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();
        await SubmitCompleteAsync(world, browser);

        var returned = await world.Admin.PostAsJsonAsync($"/api/v1/participations/{world.OwnId}/reviews", new
        {
            decision = "return",
            summary = "Vul het aantal aan.",
            remarks = new[] { new { questionKey = Question, text = "Tel ook de lopende samenwerkingen mee." } },
        });
        Assert.AreEqual(HttpStatusCode.OK, returned.StatusCode, await returned.Content.ReadAsStringAsync());
        var theme = await browser.GetStringAsync(new Uri(world.ThemePath, UriKind.Relative));
        var summary = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}/overzicht", UriKind.Relative));

        Assert.Contains("Het auditbureau heeft de vragenlijst teruggestuurd", theme);
        Assert.Contains("Vul het aantal aan.", theme);
        Assert.Contains($"id=\"r-{Question}\"", theme);
        Assert.Contains("Tel ook de lopende samenwerkingen mee.", theme);
        Assert.Contains($"aria-describedby=\"r-{Question} h-{Question}\"", theme);
        Assert.Contains("Tel ook de lopende samenwerkingen mee.", summary);
        Assert.Contains($"href=\"{world.ThemePath}#q-{Question}\"", summary);

        await SubmitCompleteAsync(world, browser, fill: false);
        Assert.DoesNotContain("Tel ook de lopende samenwerkingen mee.", await browser.GetStringAsync(new Uri(world.ThemePath, UriKind.Relative)));
    }

    [TestMethod]
    public async Task After_publication_the_report_pages_lead_to_the_feedback_report_as_html_or_pdf()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();
        using var other = await world.BrowserAsync(CollectionFixture.Other);
        Assert.AreEqual(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/deelnames/{world.OwnId}/rapport", UriKind.Relative))).StatusCode,
            "no report before publication");
        await world.App.Services.GetRequiredService<SectorRecomputeJob>().RunAsync("2023-pages", "universiteit", CancellationToken.None);
        await CollectionFixture.ChangeRoundAsync(world.Admin, "2023-pages", "closed");
        await CollectionFixture.ChangeRoundAsync(world.Admin, "2023-pages", "published");

        var list = await browser.GetStringAsync(new Uri("/deelnames", UriKind.Relative));
        var html = await browser.GetAsync(new Uri($"/deelnames/{world.OwnId}/rapport", UriKind.Relative));
        var theme = await browser.GetStringAsync(new Uri(world.ThemePath, UriKind.Relative));
        var pdf = await browser.GetAsync(new Uri($"/deelnames/{world.OwnId}/rapport.pdf?lang=en", UriKind.Relative));

        Assert.Contains($"href=\"/deelnames/{world.OwnId}/rapport\"", list);
        Assert.Contains($"href=\"/deelnames/{world.OwnId}/rapport.pdf\"", list);
        // The HTML report opens inside the site's layout, framed, with the way back and the PDF.
        Assert.AreEqual(HttpStatusCode.OK, html.StatusCode);
        var page = await html.Content.ReadAsStringAsync();
        var frameSrc = $"/api/v1/participations/{world.OwnId}/feedback-report?lang=nl";
        Assert.Contains($"<iframe class=\"audit-report-frame\" src=\"{frameSrc}\" title=\"Terugkoppeling voor Universiteit van Amsterdam", page);
        Assert.Contains($"href=\"/deelnames/{world.OwnId}\"", page);
        Assert.Contains($"href=\"/deelnames/{world.OwnId}/rapport.pdf\"", page);
        Assert.Contains("class=\"utrecht-page", page);
        Assert.AreEqual($"/api/v1/participations/{world.OwnId}/feedback-report?lang=en&format=pdf", pdf.Headers.Location!.OriginalString);
        var report = await browser.GetAsync(new Uri(frameSrc, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, report.StatusCode);
        Assert.AreEqual("text/html", report.Content.Headers.ContentType?.MediaType);
        Assert.Contains("frame-ancestors 'self'", report.Headers.GetValues("Content-Security-Policy").Single(), "only the site may frame the report");
        Assert.AreEqual("SAMEORIGIN", report.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("Universiteit van Amsterdam", await report.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/deelnames/{world.OwnId}/rapport", UriKind.Relative))).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/deelnames/{world.OwnId}/rapport.pdf", UriKind.Relative))).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(frameSrc, UriKind.Relative))).StatusCode, "the API refuses another institution too");
        Assert.Contains("De resultaten van deze auditronde zijn gepubliceerd", theme);
        Assert.DoesNotContain("Opslaan en verder", theme, "a published round is read-only");
    }
}
