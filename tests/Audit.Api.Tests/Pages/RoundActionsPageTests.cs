using System.Net;
using Audit.Application.Invitations;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Invitations;
using Audit.Core.AuditTrail;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Pages;

/// <summary>The dashboard's buttons: sending invitations and rendering reports, as plain form posts that come back with a notice.</summary>
[TestClass]
public sealed class RoundActionsPageTests
{
    private static async Task<HttpResponseMessage> PressAsync(HttpClient browser, string roundId, string action, params (string Name, string Value)[] fields)
    {
        var dashboard = $"/bureau/rondes/{roundId}";
        var token = await Browser.AntiforgeryAsync(browser, dashboard);
        return await Browser.PostFormAsync(browser, $"{dashboard}/{action}", [("__RequestVerificationToken", token), .. fields]);
    }

    private static async Task<List<AuditEvent>> RenderRequestsAsync(AuditApp app, string roundId)
    {
        var events = await app.Services.GetRequiredService<IAuditEventRepository>().QueryAsync(new AuditEventQuery("round", roundId), new(1, 100));
        return [.. events.Items.Where(e => e.Action == "reports.render-requested")];
    }

    private static async Task<HttpClient> AnalystAsync(AuditApp app)
    {
        var analyst = Browser.For(app);
        analyst.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "Ada Analist"));
        return analyst;
    }

    [TestMethod]
    public async Task Sending_invitations_mails_every_contact_once_and_says_so_on_the_dashboard()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        using var analyst = await AnalystAsync(app);

        var sent = await PressAsync(analyst, world.RoundId, "uitnodigingen");

        Assert.AreEqual(HttpStatusCode.Redirect, sent.StatusCode);
        var back = sent.Headers.Location!.OriginalString;
        Assert.StartsWith($"/bureau/rondes/{world.RoundId}?bericht=invited&n=3&n=0&n=0&n=1", back);
        Assert.HasCount(3, await world.OutboxKeysAsync());
        var page = await (await analyst.GetAsync(back)).Content.ReadAsStringAsync();
        Assert.Contains("Uitnodigingen verstuurd: 3 nieuw, 0 opnieuw, 0 al eerder uitgenodigd, 1 instellingen zonder contactpersoon.", page);

        var again = await PressAsync(analyst, world.RoundId, "uitnodigingen");
        Assert.Contains("n=0&n=0&n=3&n=1", again.Headers.Location!.OriginalString);
        Assert.HasCount(3, await world.OutboxKeysAsync(), "a second press mails nobody");

        var resent = await PressAsync(analyst, world.RoundId, "uitnodigingen", ("opnieuw", "ja"));
        Assert.Contains("n=0&n=3&n=0&n=1", resent.Headers.Location!.OriginalString);
        Assert.IsNotNull(await world.OutboxAsync(SendRoundInvitations.DedupeKey(world.RoundId, world.Contacts[RoundMailWorld.Uva][0].Id, 2)));
    }

    [TestMethod]
    public async Task Without_antiforgery_nothing_is_sent_or_rendered()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        using var analyst = await AnalystAsync(app);

        var invite = await Browser.PostFormAsync(analyst, $"/bureau/rondes/{world.RoundId}/uitnodigingen");
        var render = await Browser.PostFormAsync(analyst, $"/bureau/rondes/{world.RoundId}/rapporten");

        Assert.AreEqual(HttpStatusCode.BadRequest, invite.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, render.StatusCode);
        Assert.IsEmpty(await world.OutboxKeysAsync());
        Assert.IsEmpty(await RenderRequestsAsync(app, world.RoundId));
    }

    [TestMethod]
    public async Task Rendering_reports_enqueues_the_job_records_the_request_and_returns_to_the_dashboard()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        using var analyst = await AnalystAsync(app);

        var pressed = await PressAsync(analyst, world.RoundId, "rapporten");

        Assert.AreEqual(HttpStatusCode.Redirect, pressed.StatusCode);
        var back = pressed.Headers.Location!.OriginalString;
        Assert.StartsWith($"/bureau/rondes/{world.RoundId}?bericht=render_requested", back);
        Assert.HasCount(1, await RenderRequestsAsync(app, world.RoundId));
        var page = await (await analyst.GetAsync(back)).Content.ReadAsStringAsync();
        Assert.Contains("Het maken van de rapporten is gestart.", page);
    }

    [TestMethod]
    public async Task A_closed_round_sends_nothing_and_the_dashboard_explains_why()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        var closed = await world.Admin.PostAsync($"/api/v1/rounds/{world.RoundId}/status-changes",
            System.Net.Http.Json.JsonContent.Create(new { status = "closed" }));
        Assert.AreEqual(HttpStatusCode.OK, closed.StatusCode, await closed.Content.ReadAsStringAsync());
        using var analyst = await AnalystAsync(app);

        var sent = await PressAsync(analyst, world.RoundId, "uitnodigingen");

        var page = await (await analyst.GetAsync(sent.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("de ronde is niet open", page);
        Assert.IsEmpty(await world.OutboxKeysAsync());
    }
}
