using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Questionnaires;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Audit.Application.Questionnaires;

namespace Audit.Api.Tests.Pages;

/// <summary>Evidence, the summary and submission on the respondent pages, through the same rules as the API.</summary>
[TestClass]
public sealed class RespondentSubmissionPagesTests
{
    private const string Question = "risicoanalyse.uitgevoerd";

    private static async Task<HttpResponseMessage> UploadAsync(RespondentWorld world, HttpClient browser, byte[] content, string name)
    {
        var token = await RespondentWorld.TokenAsync(browser, world.ThemePath);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "bestand", name },
        };
        return await browser.PostAsync(new Uri($"/deelnames/{world.OwnId}/bewijs/{Question}", UriKind.Relative), form);
    }

    [TestMethod]
    public async Task Evidence_is_uploaded_listed_and_removed_and_a_non_document_is_refused_at_its_question()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var uploaded = await UploadAsync(world, browser, "%PDF-1.4 beleid"u8.ToArray(), "beleid.pdf");
        var refused = await UploadAsync(world, browser, "MZ not a document"u8.ToArray(), "virus.pdf");
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var page = await browser.GetStringAsync(new Uri(world.ThemePath, UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.Redirect, uploaded.StatusCode, await uploaded.Content.ReadAsStringAsync());
        Assert.AreEqual($"{world.ThemePath}?status=evidence_added#q-{Question}", uploaded.Headers.Location?.OriginalString);
        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("Dit soort bestand kan niet worden toegevoegd", refusedHtml);
        Assert.Contains($"aria-describedby=\"fh-{Question} fe-{Question}\" aria-invalid=\"true\"", refusedHtml);
        Assert.Contains(">beleid.pdf</a>", page);
        var evidenceId = (await world.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{world.OwnId}/answers"))
            .GetProperty("evidence").EnumerateArray().Single().GetProperty("id").GetString()!;
        Assert.Contains($"href=\"/api/v1/participations/{world.OwnId}/answers/{Question}/evidence/{evidenceId}\"", page);

        var token = await RespondentWorld.TokenAsync(browser, world.ThemePath);
        var removed = await Browser.PostFormAsync(browser, $"/deelnames/{world.OwnId}/bewijs/{Question}/{evidenceId}/verwijderen", ("__RequestVerificationToken", token));

        Assert.AreEqual(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.IsEmpty((await world.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{world.OwnId}/answers")).GetProperty("evidence").EnumerateArray());
    }

    [TestMethod]
    public async Task The_summary_lists_what_is_missing_submission_is_refused_until_complete_then_accepted()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();
        var summaryPath = $"/deelnames/{world.OwnId}/overzicht";
        var submitPath = $"/deelnames/{world.OwnId}/indienen";

        var summary = await browser.GetStringAsync(new Uri(summaryPath, UriKind.Relative));
        Assert.Contains($"href=\"{world.ThemePath}#q-{Question}\"", summary);
        var early = await browser.GetAsync(new Uri(submitPath, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, early.StatusCode, "no confirmation while answers are missing");
        Assert.AreEqual(summaryPath, early.Headers.Location?.OriginalString);
        Assert.DoesNotContain("utrecht-button--primary-action\">Indienen<", summary, "no submit button while answers are missing");

        var refused = await Browser.PostFormAsync(browser, submitPath, ("__RequestVerificationToken", await RespondentWorld.TokenAsync(browser, world.ThemePath)));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("De vragenlijst is niet ingediend", refusedHtml);
        Assert.Contains($"href=\"{world.ThemePath}#q-{Question}\"", refusedHtml);

        await AnswerEverythingAsync(world);
        var submitted = await Browser.PostFormAsync(browser, submitPath, ("__RequestVerificationToken", await RespondentWorld.TokenAsync(browser, submitPath)));

        Assert.AreEqual(HttpStatusCode.Redirect, submitted.StatusCode, await submitted.Content.ReadAsStringAsync());
        Assert.AreEqual($"{summaryPath}?status=submitted", submitted.Headers.Location?.OriginalString);
        var after = await browser.GetStringAsync(new Uri(submitted.Headers.Location!.OriginalString, UriKind.Relative));
        Assert.Contains("De vragenlijst is ingediend.", after);
        Assert.DoesNotContain("href=\"" + submitPath + "\"", after, "a submitted questionnaire offers no second submission");
        var participation = await world.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{world.OwnId}");
        Assert.AreEqual("submitted", participation.GetProperty("status").GetString());
        var locked = await world.PostThemeAsync(browser, ("q", Question), ("a:" + Question, "no"));
        Assert.AreEqual(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("De vragenlijst is ingediend en wordt beoordeeld", await locked.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task The_feedback_report_pages_are_not_found_before_publication_and_the_list_offers_no_link()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var list = await browser.GetStringAsync(new Uri("/deelnames", UriKind.Relative));

        Assert.Contains($"href=\"/deelnames/{world.OwnId}/overzicht\"", list);
        Assert.DoesNotContain("/rapport", list);
        Assert.AreEqual(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/deelnames/{world.OwnId}/rapport", UriKind.Relative))).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/deelnames/{world.OwnId}/rapport.pdf", UriKind.Relative))).StatusCode);
    }

    /// <summary>A complete, valid answer set saved straight through the repository, as colleagues might have entered it.</summary>
    private static async Task AnswerEverythingAsync(RespondentWorld world)
    {
        var services = world.App.Services;
        var questionnaire = (await services.GetRequiredService<QuestionnaireCatalog>().GetAsync("kennisveiligheid", "2023"))!;
        var writes = new SyntheticAnswers(7).For(questionnaire).Select(a => new AnswerWrite(a.QuestionKey, a.ValueJson)).ToList();
        var saved = await services.GetRequiredService<IAnswerRepository>().SaveBatchAsync(world.OwnId, writes, new Actor("colleague", "respondent"), DateTimeOffset.UtcNow);
        Assert.IsTrue(saved.Saved);
    }
}
