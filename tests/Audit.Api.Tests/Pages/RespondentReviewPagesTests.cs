using System.Net;
using System.Net.Http.Json;
using Audit.Api.Questionnaires;
using Audit.Api.Tests.Collection;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Synthetic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Pages;

/// <summary>After submission: the bureau's return with remarks reaches the questions; after publication, the report pages hand over to the report endpoint.</summary>
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
    public async Task After_publication_the_report_pages_ask_the_report_endpoint_for_html_or_pdf()
    {
        await using var world = await RespondentWorld.CreateAsync(app => app.TestServices = AddFakeReportEndpoint);
        using var browser = await world.BrowserAsync();
        using var other = await world.BrowserAsync(CollectionFixture.Other);
        await CollectionFixture.ChangeRoundAsync(world.Admin, "2023-pages", "closed");
        await CollectionFixture.ChangeRoundAsync(world.Admin, "2023-pages", "published");

        var list = await browser.GetStringAsync(new Uri("/deelnames", UriKind.Relative));
        var html = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}/rapport", UriKind.Relative));
        var pdf = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}/rapport.pdf", UriKind.Relative));
        var theme = await browser.GetStringAsync(new Uri(world.ThemePath, UriKind.Relative));

        Assert.Contains($"href=\"/deelnames/{world.OwnId}/rapport\"", list);
        Assert.Contains($"href=\"/deelnames/{world.OwnId}/rapport.pdf\"", list);
        Assert.AreEqual($"report of {world.OwnId} as text/html", html);
        Assert.AreEqual($"report of {world.OwnId} as application/pdf", pdf);
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/deelnames/{world.OwnId}/rapport.pdf", UriKind.Relative))).StatusCode);
        Assert.Contains("De resultaten van deze auditronde zijn gepubliceerd", theme);
        Assert.DoesNotContain("Opslaan en verder", theme, "a published round is read-only");
    }

    /// <summary>Stands in for the report endpoint of the reports feature: says what it was asked for.</summary>
    private static void AddFakeReportEndpoint(IServiceCollection services)
    {
        var report = new RouteEndpointBuilder(
            context => context.Response.WriteAsync($"report of {context.Request.RouteValues["participationId"]} as {context.Request.Headers.Accept}"),
            RoutePatternFactory.Parse("/api/v1/participations/{participationId}/feedback-report"), 0)
        {
            Metadata = { new HttpMethodMetadata([HttpMethods.Get]) },
        }.Build();
        var original = services.Last(d => d.ServiceType == typeof(EndpointDataSource));
        services.Remove(original);
        services.AddSingleton<EndpointDataSource>(sp => new CompositeEndpointDataSource(
        [
            original.ImplementationFactory is { } factory ? (EndpointDataSource)factory(sp) : (EndpointDataSource)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!),
            new DefaultEndpointDataSource(report),
        ]));
    }
}
