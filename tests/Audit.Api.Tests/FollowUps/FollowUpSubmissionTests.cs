using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Pages;
using Audit.Core.Access;
using static Audit.Api.Tests.Collection.CollectionFixture;
using static Audit.Api.Tests.FollowUps.FollowUpWorld;

namespace Audit.Api.Tests.FollowUps;

/// <summary>
/// Follow-ups are submitted like answers: a recommendation without one is missing, listed by the overview (no submit
/// button) and refused by the submission with every other missing item; once stated, the questionnaire is submitted, the
/// follow-ups are frozen with it, and the bureau's review shows them.
/// </summary>
[TestClass]
public sealed class FollowUpSubmissionTests
{
    [TestMethod]
    public async Task A_recommendation_without_a_follow_up_holds_the_submission_back_until_it_is_stated()
    {
        await using var app = new AuditApp();
        var w = await FollowUpWorld.CreateAsync(app);
        var saved = await w.Own.PatchAsJsonAsync(AnswersUrl(w.OwnCurrent), FullAnswerBatch(await QuestionnaireAsync(app, "2025")));
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        var browser = Browser.For(app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "uva browser", Role.Respondent, Own));
        var overview = $"/deelnames/{w.OwnCurrent}/overzicht";

        var refused = await ProblemAssert.IsProblemAsync(
            await w.Own.PostAsync($"/api/v1/participations/{w.OwnCurrent}/submission", null), HttpStatusCode.BadRequest);
        var fields = refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.AreSequenceEqual(new[] { "recommendationFollowUps.governance", "recommendationFollowUps.risicoanalyse" }, fields);
        var html = await browser.GetStringAsync(overview);
        Assert.Contains("Opvolging van de aanbeveling bij", html);
        Assert.Contains($"href=\"/deelnames/{w.OwnCurrent}/opvolging#aanbeveling-risicoanalyse\"", html);
        Assert.DoesNotContain($"action=\"/deelnames/{w.OwnCurrent}/indienen\"", html, "no submit while a follow-up is missing");

        foreach (var id in new[] { "governance", "risicoanalyse" })
        {
            var stated = await w.Own.SendAsync(Put(ItemUrl(w.OwnCurrent, id), new { status = "implemented" }));
            Assert.AreEqual(HttpStatusCode.OK, stated.StatusCode, await stated.Content.ReadAsStringAsync());
        }
        Assert.DoesNotContain("Opvolging van de aanbeveling bij", await browser.GetStringAsync(overview));
        await SubmitAsync(w.Own, w.OwnCurrent);

        var frozen = await w.Own.SendAsync(Put(ItemUrl(w.OwnCurrent, "governance"), new { status = "in_progress" }, "\"1\""));
        await ProblemAssert.IsProblemAsync(frozen, HttpStatusCode.Conflict);
        var list = await w.Analyst.GetFromJsonAsync<JsonElement>(ListUrl(w.OwnCurrent));
        Assert.AreEqual(0, list.GetProperty("missing").GetInt32());

        var analyst = Browser.For(app);
        analyst.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "analyst browser", Role.Analyst));
        var review = await analyst.GetStringAsync($"/bureau/deelnames/{w.OwnCurrent}/beoordeling");
        Assert.Contains("Opvolging aanbevelingen Round fu-2023", review, "the review shows the follow-ups it is asked to judge");
        Assert.Contains("Voer jaarlijks een risicoanalyse uit.", review);
        Assert.Contains("<td class=\"utrecht-table__cell\">Uitgevoerd</td>", review);
    }
}
