using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Invitations;
using Audit.Api.Tests.Pages;
using Audit.Application.Invitations;
using Audit.Core.Access;

namespace Audit.Api.Tests.Institutions;

/// <summary>Contact persons per institution: add, (de)activate, re-invite one person, and the institution's participations.</summary>
[TestClass]
public sealed partial class ContactsApiTests
{
    [GeneratedRegex(@"https://localhost/uitnodiging/(?<token>aud_[A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();

    private static async Task<string> LinkTokenAsync(RoundMailWorld world, User user, int sends)
    {
        var entry = await world.OutboxAsync(SendRoundInvitations.DedupeKey(world.RoundId, user.Id, sends));
        Assert.IsNotNull(entry, $"invitation {sends} of {user.Email} is queued");
        return InvitationLink().Match(entry.Mail.TextBody).Groups["token"].Value;
    }

    private static async Task<HttpResponseMessage> RedeemAsync(HttpClient browser, string token)
    {
        var path = $"/uitnodiging/{token}";
        return await Browser.PostFormAsync(browser, path, ("__RequestVerificationToken", await Browser.AntiforgeryAsync(browser, path)));
    }

    [TestMethod]
    public async Task An_analyst_adds_a_contact_who_is_listed_and_can_be_deactivated()
    {
        await using var app = new AuditApp();
        using var analyst = await app.ClientForAsync(Role.Analyst);

        var created = await analyst.PostAsJsonAsync("/api/v1/institutions/uva/contacts", new { name = " Anna de Vries ", email = "Anna@UvA.nl" });

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var contact = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = contact.GetProperty("id").GetString()!;
        Assert.AreEqual("Anna de Vries", contact.GetProperty("name").GetString());
        Assert.AreEqual("anna@uva.nl", contact.GetProperty("email").GetString());
        Assert.AreEqual($"/api/v1/institutions/uva/contacts/{id}", created.Headers.Location!.OriginalString);
        var list = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/institutions/uva/contacts");
        Assert.AreEqual(id, list.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString());

        var deactivated = await analyst.PatchAsJsonAsync($"/api/v1/institutions/uva/contacts/{id}", new { active = false });
        Assert.AreEqual(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.IsFalse((await deactivated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());
        await ProblemAssert.IsProblemAsync(
            await analyst.PostAsJsonAsync("/api/v1/institutions/vu/contacts", new { name = "Anna", email = "anna@uva.nl" }), HttpStatusCode.Conflict);
    }

    [TestMethod]
    public async Task Invalid_contacts_list_every_field_and_unknown_institutions_or_contacts_are_404()
    {
        await using var app = new AuditApp();
        using var analyst = await app.ClientForAsync(Role.Analyst);
        var created = await (await analyst.PostAsJsonAsync("/api/v1/institutions/uva/contacts", new { name = "Anna", email = "anna@uva.nl" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;

        var invalid = await ProblemAssert.IsProblemAsync(
            await analyst.PostAsJsonAsync("/api/v1/institutions/uva/contacts", new { name = "", email = "geen adres" }), HttpStatusCode.BadRequest);
        var renamed = await ProblemAssert.IsProblemAsync(
            await analyst.PatchAsJsonAsync($"/api/v1/institutions/uva/contacts/{id}", new { name = " " }), HttpStatusCode.BadRequest);

        Assert.IsTrue(invalid.GetProperty("errors").TryGetProperty("name", out _));
        Assert.IsTrue(invalid.GetProperty("errors").TryGetProperty("email", out _));
        Assert.IsTrue(renamed.GetProperty("errors").TryGetProperty("name", out _));
        await ProblemAssert.IsProblemAsync(await analyst.GetAsync("/api/v1/institutions/nergens/contacts"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await analyst.GetAsync("/api/v1/institutions/nergens/participations"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(
            await analyst.PostAsJsonAsync("/api/v1/institutions/nergens/contacts", new { name = "A", email = "a@b.nl" }), HttpStatusCode.NotFound);
        // A contact of another institution is not found through this one.
        await ProblemAssert.IsProblemAsync(
            await analyst.PatchAsJsonAsync($"/api/v1/institutions/vu/contacts/{id}", new { active = false }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await analyst.PostAsync($"/api/v1/institutions/vu/contacts/{id}/invitations", null), HttpStatusCode.NotFound);
        var list = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/institutions/uva/contacts");
        Assert.AreEqual("Anna", list.GetProperty("items")[0].GetProperty("name").GetString(), "the refused rename changed nothing");
        Assert.IsTrue(list.GetProperty("items")[0].GetProperty("active").GetBoolean(), "the refused deactivation changed nothing");
    }

    [TestMethod]
    public async Task Re_inviting_one_contact_mails_a_new_link_and_the_old_one_stops_working()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        Assert.AreEqual(HttpStatusCode.Accepted, (await analyst.PostAsJsonAsync($"/api/v1/rounds/{world.RoundId}/invitations", new { })).StatusCode);
        var chris = world.Contacts[RoundMailWorld.Vu][0];
        var old = await LinkTokenAsync(world, chris, 1);

        var response = await analyst.PostAsync($"/api/v1/institutions/vu/contacts/{chris.Id}/invitations", null);

        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(world.RoundId, body.GetProperty("roundIds").EnumerateArray().Single().GetString());
        var fresh = await LinkTokenAsync(world, chris, 2);
        Assert.IsNull(await world.OutboxAsync(SendRoundInvitations.DedupeKey(world.RoundId, world.Contacts[RoundMailWorld.Uva][0].Id, 2)),
            "nobody else was mailed");
        using var browser = Browser.For(app);
        Assert.AreEqual(HttpStatusCode.NotFound, (await RedeemAsync(browser, old)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Redirect, (await RedeemAsync(browser, fresh)).StatusCode);
    }

    [TestMethod]
    public async Task A_contact_never_invited_gets_a_first_invitation_and_a_deactivated_one_or_no_open_round_is_409()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        var added = await (await analyst.PostAsJsonAsync("/api/v1/institutions/eur/contacts", new { name = "Eva", email = "eva@eur.nl" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var eva = added.GetProperty("id").GetString()!;

        Assert.AreEqual(HttpStatusCode.Accepted, (await analyst.PostAsync($"/api/v1/institutions/eur/contacts/{eva}/invitations", null)).StatusCode);
        Assert.IsNotNull(await world.OutboxAsync(SendRoundInvitations.DedupeKey(world.RoundId, eva, 1)));

        await analyst.PatchAsJsonAsync($"/api/v1/institutions/eur/contacts/{eva}", new { active = false });
        await ProblemAssert.IsProblemAsync(await analyst.PostAsync($"/api/v1/institutions/eur/contacts/{eva}/invitations", null), HttpStatusCode.Conflict);
        var other = await (await analyst.PostAsJsonAsync("/api/v1/institutions/rug/contacts", new { name = "Ruben", email = "ruben@rug.nl" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await ProblemAssert.IsProblemAsync(
            await analyst.PostAsync($"/api/v1/institutions/rug/contacts/{other.GetProperty("id").GetString()}/invitations", null), HttpStatusCode.Conflict);
    }

    [TestMethod]
    public async Task An_institutions_participations_are_listed_and_the_registry_is_searched_by_name()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        using var analyst = await app.ClientForAsync(Role.Analyst);

        var participations = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/institutions/uva/participations");
        var found = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/institutions?name=AMSTERDAM");

        var item = participations.GetProperty("items").EnumerateArray().Single();
        Assert.AreEqual(world.ParticipationIds[RoundMailWorld.Uva], item.GetProperty("participationId").GetString());
        Assert.AreEqual("open", item.GetProperty("roundStatus").GetString());
        Assert.AreEqual("invited", item.GetProperty("status").GetString());
        var names = found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Contains("Universiteit van Amsterdam", names);
        Assert.Contains("Vrije Universiteit Amsterdam", names);
        Assert.IsTrue(names.All(n => n.Contains("amsterdam", StringComparison.OrdinalIgnoreCase)), string.Join(", ", names));
        var tooLong = await ProblemAssert.IsProblemAsync(await analyst.GetAsync("/api/v1/institutions?name=" + new string('a', 101)), HttpStatusCode.BadRequest);
        Assert.IsTrue(tooLong.GetProperty("errors").TryGetProperty("name", out _));
    }
}
