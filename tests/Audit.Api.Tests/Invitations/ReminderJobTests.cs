using System.Net.Http.Json;
using Audit.Api.Invitations;
using Audit.Api.Mail;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.AuditTrail;
using Audit.Core.Mail;
using Audit.Core.Rounds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Audit.Api.Tests.Invitations;

/// <summary>
/// The reminder job against the whole service with a clock the test moves: <c>uva</c> (two contacts) has not submitted,
/// <c>vu</c> (one contact) has, <c>eur</c> has no contact.
/// </summary>
[TestClass]
public sealed class ReminderJobTests
{
    private sealed record Setup(AuditApp App, RoundMailWorld World, ManualClock Clock) : IAsyncDisposable
    {
        public ReminderJob Job => App.Services.GetRequiredService<ReminderJob>();

        public ValueTask DisposeAsync() => App.DisposeAsync();

        public IEnumerable<string> UvaKeys(int day, DateTimeOffset? closesAt = null) =>
            World.Contacts[RoundMailWorld.Uva].Select(c => ReminderSchedule.DedupeKey(World.ParticipationIds[RoundMailWorld.Uva], c.Id, day, closesAt ?? World.ClosesAt));
    }

    private static async Task<Setup> SetUpAsync(Action<AuditApp>? configure = null)
    {
        var clock = new ManualClock();
        var app = new AuditApp { TestServices = services => services.AddSingleton<TimeProvider>(clock) };
        configure?.Invoke(app);
        var world = await RoundMailWorld.CreateAsync(app);
        var vu = world.ParticipationIds[RoundMailWorld.Vu];
        var submitted = await app.Services.GetRequiredService<IParticipationRepository>().ChangeStatusAsync(
            vu, ParticipationStatus.Invited, ParticipationStatus.Submitted, Actor.System.Did("participation.submitted", "participation", vu, clock.Now));
        Assert.AreEqual(StatusChangeOutcome.Changed, submitted.Outcome);
        return new Setup(app, world, clock);
    }

    [TestMethod]
    public async Task Seven_days_before_the_deadline_each_contact_of_an_unsubmitted_participation_gets_one_reminder()
    {
        await using var s = await SetUpAsync();
        s.Clock.Now = s.World.ClosesAt.AddDays(-7).AddHours(1);

        Assert.AreEqual(2, await s.Job.RunAsync());
        Assert.AreEqual(0, await s.Job.RunAsync(), "a second run queues nothing");

        Assert.AreSequenceEqual(s.UvaKeys(7).Order(StringComparer.Ordinal).ToList(), await s.World.OutboxKeysAsync(),
            "only uva's contacts: vu has submitted and eur has no contact");
        var mail = (await s.World.OutboxAsync(s.UvaKeys(7).First()))!.Mail;
        Assert.Contains("nog 7 dagen", mail.Subject);
        Assert.Contains($"https://localhost/deelnames/{s.World.ParticipationIds[RoundMailWorld.Uva]}/overzicht", mail.TextBody);
        var trail = await s.App.Services.GetRequiredService<IAuditEventRepository>().QueryAsync(
            new AuditEventQuery(ObjectType: "participation", ObjectId: s.World.ParticipationIds[RoundMailWorld.Uva]), new Core.Paging.PageRequest());
        Assert.AreEqual(2, trail.Items.Count(e => e.Action == "reminder.queued"));
    }

    [TestMethod]
    public async Task After_a_deadline_extension_the_reminders_count_down_to_the_new_deadline()
    {
        await using var s = await SetUpAsync();
        s.Clock.Now = s.World.ClosesAt.AddDays(-7).AddHours(1);
        Assert.AreEqual(2, await s.Job.RunAsync());
        var remindedAt = s.Clock.Now;
        s.Clock.Now = DateTimeOffset.UtcNow; // the bureau's token is valid now, not in the test's future
        var extended = s.World.ClosesAt.AddDays(10);
        var patched = await s.World.Admin.PatchAsJsonAsync($"/api/v1/participations/{s.World.ParticipationIds[RoundMailWorld.Uva]}", new { closesAt = extended });
        Assert.AreEqual(System.Net.HttpStatusCode.OK, patched.StatusCode, await patched.Content.ReadAsStringAsync());

        s.Clock.Now = remindedAt;
        Assert.AreEqual(0, await s.Job.RunAsync(), "17 days before the new deadline: nothing due");
        s.Clock.Now = extended.AddDays(-7).AddHours(1);
        Assert.AreEqual(2, await s.Job.RunAsync(), "7 days before the new deadline, again");

        var keys = await s.World.OutboxKeysAsync();
        Assert.IsTrue(s.UvaKeys(7).Concat(s.UvaKeys(7, extended)).All(keys.Contains), string.Join(", ", keys));
    }

    [TestMethod]
    public async Task Two_runs_at_once_queue_each_reminder_once()
    {
        await using var s = await SetUpAsync();
        s.Clock.Now = s.World.ClosesAt.AddDays(-14);
        var first = s.Job;
        var second = s.Job;

        var queued = await Task.WhenAll(Task.Run(() => first.RunAsync()), Task.Run(() => second.RunAsync()));

        Assert.AreEqual(2, queued.Sum());
        Assert.AreSequenceEqual(s.UvaKeys(14).Order(StringComparer.Ordinal).ToList(), await s.World.OutboxKeysAsync());
    }

    [TestMethod]
    public async Task A_run_after_missed_days_sends_only_the_latest_reminder_due()
    {
        await using var s = await SetUpAsync();
        s.Clock.Now = s.World.ClosesAt.AddDays(-20);
        Assert.AreEqual(0, await s.Job.RunAsync(), "no reminder is due yet");

        s.Clock.Now = s.World.ClosesAt.AddDays(-5);
        Assert.AreEqual(2, await s.Job.RunAsync());
        Assert.AreSequenceEqual(s.UvaKeys(7).Order(StringComparer.Ordinal).ToList(), await s.World.OutboxKeysAsync(), "the 14-day reminder is skipped");

        s.Clock.Now = s.World.ClosesAt.AddHours(-3);
        Assert.AreEqual(2, await s.Job.RunAsync());
        s.Clock.Now = s.World.ClosesAt.AddHours(1);
        Assert.AreEqual(0, await s.Job.RunAsync(), "nothing after the deadline");
        Assert.HasCount(4, await s.World.OutboxKeysAsync());
    }

    [TestMethod]
    public async Task Configured_days_replace_the_defaults()
    {
        await using var s = await SetUpAsync(app => app.Settings["Mail:Reminders:DaysBefore:0"] = "3");
        Assert.AreSequenceEqual(new[] { 3 }, s.App.Services.GetRequiredService<IOptions<MailOptions>>().Value.Reminders.EffectiveDaysBefore.ToArray());

        s.Clock.Now = s.World.ClosesAt.AddDays(-7);
        Assert.AreEqual(0, await s.Job.RunAsync());
        s.Clock.Now = s.World.ClosesAt.AddDays(-3);
        Assert.AreEqual(2, await s.Job.RunAsync());
        Assert.AreSequenceEqual(s.UvaKeys(3).Order(StringComparer.Ordinal).ToList(), await s.World.OutboxKeysAsync());
    }
}
