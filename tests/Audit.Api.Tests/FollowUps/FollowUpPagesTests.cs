using System.Net;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Pages;
using Audit.Core.Access;
using static Audit.Api.Tests.Collection.CollectionFixture;

using static Audit.Api.Tests.FollowUps.FollowUpWorld;

namespace Audit.Api.Tests.FollowUps;

/// <summary>
/// The respondent's "Opvolging aanbevelingen" page and the bureau's validated-score page, as a browser without
/// JavaScript uses them: forms with antiforgery, errors linked to their fields, post/redirect/get, read-only once submitted.
/// </summary>
[TestClass]
public sealed class FollowUpPagesTests
{
    private static async Task<HttpClient> BrowserAsync(AuditApp app, Role role, string? institution = null)
    {
        var browser = Browser.For(app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, $"{role} {institution}", role, institution));
        return browser;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string pagePath, string action, params (string, string)[] fields) =>
        await Browser.PostFormAsync(browser, action, [("__RequestVerificationToken", await Browser.AntiforgeryAsync(browser, pagePath)), .. fields]);

    [TestMethod]
    public async Task Respondents_state_follow_ups_on_a_page_and_the_bureau_validates_scores_on_another()
    {
        await using var app = new AuditApp();
        var w = await FollowUpWorld.CreateAsync(app);
        var own = await BrowserAsync(app, Role.Respondent, Own);
        var other = await BrowserAsync(app, Role.Respondent, Other);
        var analyst = await BrowserAsync(app, Role.Analyst);
        var page = $"/deelnames/{w.OwnCurrent}/opvolging";

        var start = await own.GetStringAsync($"/deelnames/{w.OwnCurrent}");
        Assert.Contains($"href=\"{page}\"", start);
        var html = await own.GetStringAsync(page);
        Assert.Contains("Opvolging aanbevelingen Round fu-2023", html);
        Assert.Contains("Wijs een portefeuillehouder kennisveiligheid aan.", html);
        Assert.Contains("name=\"status\" value=\"not_applicable\"", html);
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);

        var noStatus = await PostAsync(own, page, page + "/governance", ("versie", ""), ("reden", ""));
        var body = await noStatus.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.BadRequest, noStatus.StatusCode);
        Assert.Contains("href=\"#aanbeveling-governance-implemented\"", body);
        Assert.Contains("Kies de stand van zaken.", body);

        var noReason = await PostAsync(own, page, page + "/governance", ("versie", ""), ("status", "not_applicable"), ("reden", " "));
        body = await noReason.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("href=\"#aanbeveling-governance-reden\"", body);
        Assert.Contains("aria-invalid=\"true\"", body);

        var saved = await PostAsync(own, page, page + "/governance", ("versie", ""), ("status", "in_progress"), ("reden", "Benoeming loopt."));
        Assert.AreEqual(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.AreEqual($"{page}?status=saved#aanbeveling-governance", saved.Headers.Location?.OriginalString);
        Assert.Contains("value=\"in_progress\" checked", await own.GetStringAsync(page));
        var stale = await PostAsync(own, page, page + "/governance", ("versie", ""), ("status", "implemented"));
        Assert.AreEqual(HttpStatusCode.Conflict, stale.StatusCode);

        var scores = $"/bureau/deelnames/{w.OwnCurrent}/scores";
        var bureau = await analyst.GetStringAsync(scores);
        Assert.Contains("In uitvoering", bureau);
        Assert.Contains("Benoeming loopt.", bureau);
        Assert.DoesNotContain("name=\"score\"", bureau, "not submitted yet: nothing to validate");

        // Every recommendation needs its follow-up before the questionnaire can be submitted.
        Assert.AreEqual(HttpStatusCode.OK, (await w.Own.SendAsync(Put(ItemUrl(w.OwnCurrent, "risicoanalyse"), new { status = "not_started" }))).StatusCode);
        await FillAndSubmitAsync(w.Own, w.OwnCurrent, await QuestionnaireAsync(app, "2025"));
        Assert.DoesNotContain("name=\"status\"", await own.GetStringAsync(page), "read-only once submitted");
        var bad = await PostAsync(analyst, scores, scores + "/governance", ("versie", ""), ("score", "9"), ("onderbouwing", ""));
        body = await bad.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("href=\"#score-governance\"", body);
        Assert.Contains("href=\"#onderbouwing-governance\"", body);
        var recorded = await PostAsync(analyst, scores, scores + "/governance", ("versie", ""), ("score", "3,5"), ("onderbouwing", "Beleid aantoonbaar."));
        Assert.AreEqual(HttpStatusCode.Redirect, recorded.StatusCode, await recorded.Content.ReadAsStringAsync());
        bureau = await analyst.GetStringAsync(scores);
        Assert.Contains("value=\"3.5\"", bureau);
        Assert.Contains("Beleid aantoonbaar.", bureau);
        Assert.Contains($"href=\"/bureau/deelnames/{w.OwnCurrent}/scores\"", await analyst.GetStringAsync($"/bureau/deelnames/{w.OwnCurrent}/beoordeling"));
    }
}
