using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Collection;
using Audit.Core.Access;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Questionnaires;
using Audit.Core.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// The respondent's path (issue 18): the start page per participation, prefill from the baseline through the page, the
/// recap with every answer, the submit button only when nothing is missing, and no offer to submit once submitted.
/// </summary>
[TestClass]
public sealed class RespondentPathPagesTests
{
    private const string YesNoKey = "governance.bestuurder";

    private static async Task<HttpClient> NamedRespondentAsync(RespondentWorld world, string name)
    {
        var client = Browser.For(world.App);
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(world.App, name, Role.Respondent, Own));
        return client;
    }

    private static string StartPath(string id) => $"/deelnames/{id}";

    [TestMethod]
    public async Task The_start_page_shows_the_deadline_progress_themes_and_who_else_edited_only_to_its_own_institution()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await NamedRespondentAsync(world, "Anna Jansen");
        using var colleague = await NamedRespondentAsync(world, "Fatima de Vries");
        using var other = await world.BrowserAsync(Other);
        using var analyst = await world.BrowserAsync(Own, Role.Analyst);
        using var ministry = await world.BrowserAsync(Own, Role.Ministry);

        var empty = await browser.GetStringAsync(new Uri(StartPath(world.OwnId), UriKind.Relative));
        Assert.Contains("Nog niet begonnen", empty);
        Assert.Contains("Er zijn nog geen antwoorden ingevuld.", empty);

        Assert.AreEqual(HttpStatusCode.OK, (await PutAnswerAsync(colleague, world.OwnId, YesNoKey, "yes")).StatusCode);
        var page = await browser.GetStringAsync(new Uri(StartPath(world.OwnId), UriKind.Relative));

        var round = await world.Admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds/2023-pages");
        var closesAt = round.GetProperty("closesAt").GetDateTimeOffset();
        var local = TimeZoneInfo.ConvertTime(closesAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        Assert.Contains($"{local:HH:mm}</time>", page, "the deadline in Dutch time");
        Assert.AreEqual(1, page.Split("Nederlandse tijd").Length - 1, "the zone is named once, in the footer");
        Assert.Contains("nog 10 dagen", page);
        Assert.Contains("Bezig met invullen", page);
        Assert.Contains("<strong>Fatima de Vries</strong>: 1 antwoord, laatst gewijzigd op", page);
        Assert.DoesNotContain("Anna Jansen</strong>", page, "only people who changed answers are listed");
        Assert.Contains($"href=\"/deelnames/{world.OwnId}/thema/governance\"", page);
        Assert.Contains($"href=\"/deelnames/{world.OwnId}/overzicht\">Overzicht en indienen", page);
        Assert.Contains("Wat u nodig hebt", page);
        Assert.DoesNotContain("overnemen", page, "a round without a baseline offers no prefill");

        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(StartPath(world.OwnId), UriKind.Relative))).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await analyst.GetAsync(new Uri(StartPath(world.OwnId), UriKind.Relative))).StatusCode);
        Assert.AreNotEqual(HttpStatusCode.OK, (await ministry.GetAsync(new Uri(StartPath(world.OwnId), UriKind.Relative))).StatusCode);
        var list = await browser.GetStringAsync(new Uri("/deelnames", UriKind.Relative));
        Assert.Contains($"href=\"/deelnames/{world.OwnId}\">Round 2023-pages</a>", list);
        Assert.Contains("tabindex=\"0\" role=\"region\" aria-label=\"Deelnames van uw instelling\"", list);
    }

    [TestMethod]
    public async Task Prefill_from_the_start_page_copies_the_baseline_answers_and_says_how_many_and_what_changed()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var respondent = await world.BrowserAsync();
        using var analyst = await world.App.ClientForAsync(Role.Analyst);
        var (baseline, _) = await OpenRoundAsync(world.Admin, "2023-basis");
        await FillAndSubmitAsync(respondent, baseline, await QuestionnaireAsync(world.App, "2023"));
        Assert.AreEqual(HttpStatusCode.OK, (await ReviewAsync(analyst, baseline, "accept")).StatusCode);
        var (own, _) = await OpenRoundAsync(world.Admin, "2025-vervolg", "2025", "2023-basis");

        var start = await respondent.GetStringAsync(new Uri(StartPath(own), UriKind.Relative));
        Assert.Contains("Antwoorden van Round 2023-basis overnemen</button>", start);
        Assert.Contains($"action=\"/deelnames/{own}/overnemen\"", start);

        var refused = await Browser.PostFormAsync(respondent, $"/deelnames/{own}/overnemen", ("x", "y"));
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode, "no antiforgery field, nothing copied");
        Assert.IsEmpty(await world.AnswersAsync(own));

        var posted = await Browser.PostFormAsync(respondent, $"/deelnames/{own}/overnemen",
            ("__RequestVerificationToken", await RespondentWorld.TokenAsync(respondent, StartPath(own))));
        Assert.AreEqual(HttpStatusCode.Redirect, posted.StatusCode, await posted.Content.ReadAsStringAsync());
        var answers = await world.AnswersAsync(own);
        var comparable = QuestionnaireComparison.Compare(await QuestionnaireAsync(world.App, "2023"), await QuestionnaireAsync(world.App, "2025")).Comparable;
        Assert.IsNotEmpty(answers);
        Assert.IsTrue(answers.Keys.All(comparable.Contains));
        Assert.IsTrue(answers[YesNoKey].GetProperty("prefilled").GetBoolean());
        Assert.AreEqual($"/deelnames/{own}?status=prefilled&copied={answers.Count}", posted.Headers.Location?.OriginalString);

        var after = await respondent.GetStringAsync(new Uri(posted.Headers.Location!.OriginalString, UriKind.Relative));
        Assert.Contains($"{answers.Count} antwoorden overgenomen uit de vorige ronde.", after);
        Assert.Contains("Deze vragen zijn nieuw of gewijzigd sinds Round 2023-basis", after);
        Assert.Contains("#q-governance.leidraad_actueel\"", after, "a question new in 2025 is listed as changed");
        Assert.DoesNotContain("overnemen</button>", after, "a participation with answers is not prefilled again");
    }

    [TestMethod]
    public async Task The_recap_shows_every_answer_and_submit_is_a_button_only_when_nothing_is_missing()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();
        var summaryPath = $"/deelnames/{world.OwnId}/overzicht";

        var incomplete = await browser.GetStringAsync(new Uri(summaryPath, UriKind.Relative));
        Assert.Contains("Nog te beantwoorden", incomplete);
        Assert.DoesNotContain($"action=\"/deelnames/{world.OwnId}/indienen\"", incomplete);
        Assert.DoesNotContain(">Indienen</button>", incomplete);
        Assert.IsLessThan(incomplete.IndexOf("Alle antwoorden per thema", StringComparison.Ordinal), incomplete.IndexOf("Nog te beantwoorden", StringComparison.Ordinal),
            "the missing answers come first");

        var questionnaire = await QuestionnaireAsync(world.App, "2023");
        var writes = new SyntheticAnswers(7).For(questionnaire).Select(a => new AnswerWrite(a.QuestionKey, a.ValueJson, "Toelichting bij " + a.QuestionKey)).ToList();
        Assert.IsTrue((await world.App.Services.GetRequiredService<IAnswerRepository>()
            .SaveBatchAsync(world.OwnId, writes, new Actor("colleague", "respondent"), DateTimeOffset.UtcNow)).Saved);
        var page = await browser.GetStringAsync(new Uri(summaryPath, UriKind.Relative));

        var values = writes.ToDictionary(w => w.QuestionKey, w => JsonDocument.Parse(w.ValueJson).RootElement);
        var shown = questionnaire.AllQuestions.Where(q => Visibility.IsVisible(questionnaire, q, values)).ToList();
        Assert.IsNotEmpty(shown);
        foreach (var question in shown)
        {
            Assert.Contains(WebUtility.HtmlEncode("Toelichting bij " + question.Key), page, $"the recap shows the answer to {question.Key}");
            if (question.Type == QuestionType.Text)
            {
                Assert.Contains(WebUtility.HtmlEncode(values[question.Key].GetString()!), page);
            }
        }
        Assert.DoesNotContain("Niet beantwoord", page);
        Assert.DoesNotContain("Nog te beantwoorden", page);
        foreach (var theme in questionnaire.Themes)
        {
            Assert.Contains($"href=\"/deelnames/{world.OwnId}/thema/{theme.Key}\">Wijzigen", page);
        }
        Assert.Contains($"<form class=\"audit-form\" method=\"get\" action=\"/deelnames/{world.OwnId}/indienen\">", page);
        Assert.Contains("<button type=\"submit\" class=\"utrecht-button utrecht-button--primary-action\">Indienen</button>", page);
        Assert.AreEqual(HttpStatusCode.OK, (await browser.GetAsync(new Uri($"/deelnames/{world.OwnId}/indienen", UriKind.Relative))).StatusCode);
    }

    [TestMethod]
    public async Task After_submit_and_after_acceptance_no_page_offers_submission()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();
        using var analyst = await world.App.ClientForAsync(Role.Analyst);
        await FillAndSubmitAsync(browser, world.OwnId, await QuestionnaireAsync(world.App, "2023"));

        async Task AssertNoSubmissionAsync(string state)
        {
            var start = await browser.GetStringAsync(new Uri(StartPath(world.OwnId), UriKind.Relative));
            var summary = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}/overzicht", UriKind.Relative));
            var list = await browser.GetStringAsync(new Uri("/deelnames", UriKind.Relative));
            foreach (var (name, html) in new[] { ("start", start), ("overview", summary), ("list", list) })
            {
                Assert.DoesNotContain($"/deelnames/{world.OwnId}/indienen", html, $"{name} offers no submission when {state}");
                Assert.DoesNotContain("Overzicht en indienen", html, $"{name} offers no 'Overzicht en indienen' when {state}");
                Assert.DoesNotContain("U kunt de vragenlijst indienen", html, $"{name} when {state}");
            }
            Assert.Contains($"data-state=\"{state}\"", start);
            Assert.Contains($"data-state=\"{state}\"", summary);
            Assert.AreEqual(HttpStatusCode.Redirect, (await browser.GetAsync(new Uri($"/deelnames/{world.OwnId}/indienen", UriKind.Relative))).StatusCode);
        }

        await AssertNoSubmissionAsync("submitted");
        Assert.Contains("Ingediend, wacht op beoordeling", await browser.GetStringAsync(new Uri(StartPath(world.OwnId), UriKind.Relative)));
        Assert.AreEqual(HttpStatusCode.OK, (await ReviewAsync(analyst, world.OwnId, "accept")).StatusCode);
        await AssertNoSubmissionAsync("accepted");
        await ChangeRoundAsync(world.Admin, "2023-pages", "closed");
        await AssertNoSubmissionAsync("round_closed");
    }
}
