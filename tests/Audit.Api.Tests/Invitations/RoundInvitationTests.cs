using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Audit.Application.Access;
using Audit.Application.Invitations;
using Audit.Application.Outcomes;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Pages;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Invitations;

[TestClass]
public sealed partial class RoundInvitationTests
{
    [GeneratedRegex(@"https://localhost/uitnodiging/(?<token>aud_[A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();

    private static string Invitations(RoundMailWorld world) => $"/api/v1/rounds/{world.RoundId}/invitations";

    /// <summary>Without <paramref name="body"/> the request has no body at all, which means the defaults.</summary>
    private static async Task<JsonElement> SendAsync(HttpClient client, RoundMailWorld world, object? body = null)
    {
        var response = body is null ? await client.PostAsync(Invitations(world), null) : await client.PostAsJsonAsync(Invitations(world), body);
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The plain token in the mail of the <paramref name="sends"/>-th invitation of <paramref name="user"/>.</summary>
    private static async Task<string> LinkTokenAsync(RoundMailWorld world, User user, int sends = 1)
    {
        var entry = await world.OutboxAsync(SendRoundInvitations.DedupeKey(world.RoundId, user.Id, sends));
        Assert.IsNotNull(entry, $"invitation {sends} of {user.Email} is queued");
        Assert.AreEqual(user.Email, entry.Mail.Recipient);
        var link = InvitationLink().Match(entry.Mail.TextBody);
        Assert.IsTrue(link.Success, entry.Mail.TextBody);
        return link.Groups["token"].Value;
    }

    private static async Task<HttpResponseMessage> RedeemAsync(AuditApp app, HttpClient browser, string token)
    {
        var path = $"/uitnodiging/{token}";
        return await Browser.PostFormAsync(browser, path, ("__RequestVerificationToken", await Browser.AntiforgeryAsync(browser, path)));
    }

    [TestMethod]
    public async Task Each_contact_gets_one_mail_with_a_working_link_whose_token_is_stored_hashed()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        using var analyst = await app.ClientForAsync(Role.Analyst);

        var batch = await SendAsync(analyst, world, new { });

        Assert.AreEqual(3, batch.GetProperty("queued").GetInt32());
        Assert.AreEqual(0, batch.GetProperty("skippedAlreadyInvited").GetInt32());
        Assert.AreEqual(1, batch.GetProperty("withoutContact").GetInt32());
        Assert.AreEqual(RoundMailWorld.Eur, batch.GetProperty("institutionsWithoutContact")[0].GetString());
        var anna = world.Contacts[RoundMailWorld.Uva][0];
        var token = await LinkTokenAsync(world, anna);
        var mail = (await world.OutboxAsync(SendRoundInvitations.DedupeKey(world.RoundId, anna.Id, 1)))!.Mail;
        Assert.Contains("Beste Anna de Vries", mail.TextBody);
        Assert.Contains("Dear Anna de Vries", mail.TextBody);
        Assert.Contains("Audit kennisveiligheid 2025", mail.Subject);
        Assert.IsTrue(await StoresOnlyTheHashAsync(app, token));

        using var browser = Browser.For(app);
        var redeemed = await RedeemAsync(app, browser, token);
        Assert.AreEqual(HttpStatusCode.Redirect, redeemed.StatusCode);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.AreEqual("anna@uva.nl", me.GetProperty("email").GetString());
        Assert.AreEqual(RoundMailWorld.Uva, me.GetProperty("institutionId").GetString());

        var again = await SendAsync(analyst, world);
        Assert.AreEqual(0, again.GetProperty("queued").GetInt32());
        Assert.AreEqual(3, again.GetProperty("skippedAlreadyInvited").GetInt32());
        Assert.HasCount(3, await world.OutboxKeysAsync(), "the second press queued nothing");
        var trail = await app.Services.GetRequiredService<IAuditEventRepository>()
            .QueryAsync(new AuditEventQuery(ObjectType: "round", ObjectId: world.RoundId), new Core.Paging.PageRequest());
        Assert.AreEqual(2, trail.Items.Count(e => e.Action == "round.invitations-sent" && e.ActorId == app.UserIds[analyst]));
    }

    /// <summary>The token table holds the hash and never the plain value.</summary>
    private static async Task<bool> StoresOnlyTheHashAsync(AuditApp app, string token)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(token_hash = $hash), SUM(token_hash = $plain OR id = $plain) FROM access_tokens WHERE kind = 'invitation'";
        command.Parameters.AddWithValue("$hash", AccessTokens.Hash(token));
        command.Parameters.AddWithValue("$plain", token);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.IsTrue(await reader.ReadAsync());
        return reader.GetInt64(0) == 1 && reader.GetInt64(1) == 0;
    }

    [TestMethod]
    public async Task A_resend_mails_a_new_link_and_the_old_one_stops_working()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        var none = await SendAsync(world.Admin, world, new { institutionType = "hogeschool" });
        Assert.AreEqual(0, none.GetProperty("queued").GetInt32() + none.GetProperty("withoutContact").GetInt32(), "no hogeschool takes part");
        await SendAsync(world.Admin, world, new { institutionType = "universiteit" });
        var chris = world.Contacts[RoundMailWorld.Vu][0];
        var old = await LinkTokenAsync(world, chris);

        var batch = await SendAsync(world.Admin, world, new { resend = true });

        Assert.AreEqual(3, batch.GetProperty("resent").GetInt32());
        Assert.AreEqual(0, batch.GetProperty("queued").GetInt32());
        var fresh = await LinkTokenAsync(world, chris, sends: 2);
        using var browser = Browser.For(app);
        Assert.AreEqual(HttpStatusCode.NotFound, (await RedeemAsync(app, browser, old)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Redirect, (await RedeemAsync(app, browser, fresh)).StatusCode);
    }

    [TestMethod]
    public async Task Only_the_bureau_sends_and_only_for_an_open_round_with_a_public_address()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        using var respondent = await app.ClientForAsync(Role.Respondent, RoundMailWorld.Uva);
        using var ministry = await app.ClientForAsync(Role.Ministry);
        using var anonymous = app.CreateClient();

        await ProblemAssert.IsProblemAsync(await respondent.PostAsJsonAsync(Invitations(world), new { }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await ministry.PostAsJsonAsync(Invitations(world), new { }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await anonymous.PostAsJsonAsync(Invitations(world), new { }), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await world.Admin.PostAsJsonAsync(Invitations(world), new { institutionType = "kleuterschool" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await world.Admin.PostAsJsonAsync("/api/v1/rounds/nope/invitations", new { }), HttpStatusCode.NotFound);
        Assert.IsEmpty(await world.OutboxKeysAsync());

        var closed = await world.Admin.PostAsJsonAsync($"/api/v1/rounds/{world.RoundId}/status-changes", new { status = "closed" });
        Assert.AreEqual(HttpStatusCode.OK, closed.StatusCode);
        await ProblemAssert.IsProblemAsync(await world.Admin.PostAsJsonAsync(Invitations(world), new { }), HttpStatusCode.Conflict);
        Assert.IsEmpty(await world.OutboxKeysAsync());
    }

    [TestMethod]
    public async Task Without_a_public_address_nothing_is_sent()
    {
        await using var app = new AuditApp();
        app.Settings["Audit:PublicBaseUrl"] = "";
        var world = await RoundMailWorld.CreateAsync(app);

        var batch = await app.Services.GetRequiredService<SendRoundInvitations>().ExecuteAsync(
            new Caller(null, Role.Admin, null), world.RoundId, institutionType: null, resend: false, CancellationToken.None);

        Assert.IsInstanceOfType<Failure.Unavailable>(batch.Failure);
        await ProblemAssert.IsProblemAsync(await world.Admin.PostAsJsonAsync(Invitations(world), new { }), HttpStatusCode.ServiceUnavailable);
        Assert.IsEmpty(await world.OutboxKeysAsync());
    }
}
