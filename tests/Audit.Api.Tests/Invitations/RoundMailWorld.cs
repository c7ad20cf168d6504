using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Invitations;
using Audit.Api.Mail;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Mail;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Invitations;

/// <summary>
/// An open round with three participations: <c>uva</c> with two respondents (and an inactive third), <c>vu</c> with
/// one, and <c>eur</c> with none. Created through the API as the bureau would, users straight in the repository.
/// </summary>
internal sealed class RoundMailWorld
{
    public const string Uva = "uva", Vu = "vu", Eur = "eur";

    private RoundMailWorld(AuditApp app, HttpClient admin) => (App, Admin) = (app, admin);

    public AuditApp App { get; }

    public HttpClient Admin { get; }

    public string RoundId { get; } = "2025-mail";

    public DateTimeOffset ClosesAt { get; private set; }

    public Dictionary<string, string> ParticipationIds { get; } = [];

    /// <summary>Active respondents per institution.</summary>
    public Dictionary<string, List<User>> Contacts { get; } = [];

    public IEnumerable<User> AllContacts => Contacts.Values.SelectMany(c => c);

    public static async Task<RoundMailWorld> CreateAsync(AuditApp app, TimeSpan? closesIn = null)
    {
        var world = new RoundMailWorld(app, await app.ClientForAsync(Role.Admin));
        // The test runs the mail jobs itself: a scheduled run in between would send (and empty) what it inspects.
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.RemoveIfExists(MailOutboxJob.RecurringId);
        recurring.RemoveIfExists(ReminderJob.RecurringId);
        var now = DateTimeOffset.UtcNow;
        world.ClosesAt = new DateTimeOffset((now + (closesIn ?? TimeSpan.FromDays(30))).UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var created = await world.Admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            id = world.RoundId,
            title = "Audit kennisveiligheid 2025",
            questionnaire = new { key = "kennisveiligheid", version = "2025" },
            opensAt = now.AddDays(-1),
            closesAt = world.ClosesAt,
        });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var opened = await world.Admin.PostAsJsonAsync($"/api/v1/rounds/{world.RoundId}/status-changes", new { status = "open" });
        Assert.AreEqual(HttpStatusCode.OK, opened.StatusCode, await opened.Content.ReadAsStringAsync());
        var invited = await world.Admin.PostAsJsonAsync($"/api/v1/rounds/{world.RoundId}/participations", new { institutionIds = new[] { Uva, Vu, Eur } });
        Assert.AreEqual(HttpStatusCode.OK, invited.StatusCode, await invited.Content.ReadAsStringAsync());
        foreach (var p in (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray())
        {
            world.ParticipationIds[p.GetProperty("institutionId").GetString()!] = p.GetProperty("id").GetString()!;
        }
        world.Contacts[Uva] = [await world.UserAsync("Anna de Vries", "anna@uva.nl", Uva), await world.UserAsync("Bram Jansen", "bram@uva.nl", Uva)];
        world.Contacts[Vu] = [await world.UserAsync("Chris Bakker", "chris@vu.nl", Vu)];
        await world.UserAsync("Oud Account", "oud@uva.nl", Uva, active: false);
        return world;
    }

    private async Task<User> UserAsync(string name, string email, string institutionId, bool active = true)
    {
        var now = DateTimeOffset.UtcNow;
        var user = new User(AccessTokens.NewId("u_"), name, email, Role.Respondent, institutionId, active, now);
        Assert.IsTrue(await App.Services.GetRequiredService<IUserRepository>().InsertAsync(user, Actor.System.Did("user.created", "user", user.Id, now)));
        return user;
    }

    public Task<OutboxEntry?> OutboxAsync(string dedupeKey) => App.Services.GetRequiredService<IMailOutbox>().FindByDedupeKeyAsync(dedupeKey);

    /// <summary>Every dedupe key in the outbox, for "nothing else was queued".</summary>
    public async Task<List<string>> OutboxKeysAsync()
    {
        var pending = await App.Services.GetRequiredService<IMailOutbox>().PendingAsync(DateTimeOffset.UtcNow.AddYears(1), 500);
        return [.. pending.Select(e => e.Mail.DedupeKey).Order(StringComparer.Ordinal)];
    }
}
