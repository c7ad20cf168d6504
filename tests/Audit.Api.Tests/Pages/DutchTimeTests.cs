using Audit.TestSupport;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Audit.Api.Invitations;
using Audit.Api.Mail;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Repository;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Mail;
using Audit.Core.Rounds;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// Every time people read is Dutch time, summer time included, and the zone is named once per page rather than after
/// each time. The summer-time round closes at 01:30 UTC on 29 March 2026, the night the clocks go forward (02:00 → 03:00),
/// so it is 03:30 in the Netherlands; the winter round closes at 10:00 UTC on 15 January 2026, 11:00 Dutch time.
/// </summary>
[TestClass]
public sealed partial class DutchTimeTests
{
    private const string Summer = "dst-2026", Winter = "winter-2026";
    private static readonly DateTimeOffset SummerClose = new(2026, 3, 29, 1, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WinterClose = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
    private const string ZoneNote = "Nederlandse tijd (Europe/Amsterdam)";

    private static AuditApp _app = null!;

    [GeneratedRegex(@"\bUTC\b")]
    private static partial Regex Utc();

    [ClassInitialize]
    public static async Task CreateAsync(TestContext _)
    {
        _app = new AuditApp();
        using var warmUp = await _app.ClientForAsync(Role.Admin);
        // The mails are inspected in the outbox; a scheduled send in between would empty it.
        var recurring = _app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.RemoveIfExists(MailOutboxJob.RecurringId);
        recurring.RemoveIfExists(ReminderJob.RecurringId);
        // Both deadlines are past by now, which the API refuses for a new round: the rounds go in through the repositories.
        var rounds = _app.Services.GetRequiredService<IRoundRepository>();
        var participations = _app.Services.GetRequiredService<IParticipationRepository>();
        foreach (var (id, closes) in new[] { (Summer, SummerClose), (Winter, WinterClose) })
        {
            var opens = closes.AddDays(-30);
            var round = new Round(id, $"Ronde {id}", new QuestionnaireRef("kennisveiligheid", "2025"), opens, closes, DisclosureSettings.Default);
            Assert.AreEqual(RoundInsertOutcome.Inserted, await rounds.InsertAsync(round, Actor.System.Did("round.created", "round", id, opens)));
            await rounds.ChangeStatusAsync(id, RoundStatus.Draft, RoundStatus.Open, Actor.System.Did("round.status-changed", "round", id, opens));
            await participations.InviteAsync(id, ["uva"], Actor.System, opens);
        }
        var contact = new User(AccessTokens.NewId("u_"), "Anna de Vries", "anna@uva.nl", Role.Respondent, "uva", true, DateTimeOffset.UtcNow);
        Assert.IsTrue(await _app.Services.GetRequiredService<IUserRepository>().InsertAsync(contact, Actor.System.Did("user.created", "user", contact.Id, contact.CreatedAt)));
    }

    [ClassCleanup]
    public static async Task CleanUpAsync() => await _app.DisposeAsync();

    private static async Task<HttpClient> BrowserAsync(Role role)
    {
        var browser = Browser.For(_app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer",
            await Browser.UserWithTokenAsync(_app, $"{role} tester", role, role == Role.Respondent ? "uva" : null));
        return browser;
    }

    private static void AssertDutchTimePage(string html, string path)
    {
        Assert.DoesNotMatchRegex(Utc(), html, $"{path} writes UTC after a time");
        Assert.AreEqual(1, Regex.Count(html, Regex.Escape(ZoneNote)), $"{path} names the zone exactly once");
    }

    [TestMethod]
    public async Task The_bureau_dashboard_shows_the_deadline_in_dutch_summer_and_winter_time()
    {
        using var bureau = await BrowserAsync(Role.Analyst);
        var summer = await bureau.GetStringAsync($"/bureau/rondes/{Summer}");
        Assert.Contains("29 maart 2026, 03:30", summer, "01:30 UTC on the night summer time starts is 03:30 in Amsterdam");
        Assert.DoesNotContain("2026, 01:30", summer, "the UTC time is only in the machine-readable datetime attribute");
        AssertDutchTimePage(summer, "the summer dashboard");
        var winter = await bureau.GetStringAsync($"/bureau/rondes/{Winter}");
        Assert.Contains("15 januari 2026, 11:00", winter, "10:00 UTC in winter is 11:00 in Amsterdam");
        AssertDutchTimePage(winter, "the winter dashboard");
        var english = await bureau.GetStringAsync($"/bureau/rondes/{Summer}?lang=en");
        Assert.Contains("29 March 2026, 03:30", english);
        Assert.Contains("Dutch time (Europe/Amsterdam)", english);
    }

    [TestMethod]
    public async Task The_round_institutions_page_shows_dutch_time()
    {
        using var bureau = await BrowserAsync(Role.Admin);
        var page = await bureau.GetStringAsync($"/bureau/rondes/{Summer}/instellingen");
        Assert.Contains("29 maart 2026, 03:30", page);
        Assert.Contains("value=\"2026-03-29T03:30\"", page, "the deadline field is typed in Dutch time too");
        AssertDutchTimePage(page, "the institutions page");
    }

    [TestMethod]
    public async Task The_respondent_sees_the_deadline_in_dutch_time()
    {
        using var respondent = await BrowserAsync(Role.Respondent);
        var page = await respondent.GetStringAsync("/deelnames");
        Assert.Contains("29 maart 2026, 03:30", page);
        Assert.Contains("15 januari 2026, 11:00", page);
        AssertDutchTimePage(page, "/deelnames");
        var participation = await _app.Services.GetRequiredService<IParticipationRepository>().FindAsync(Summer, "uva");
        var start = await respondent.GetStringAsync($"/deelnames/{participation!.Id}");
        Assert.Contains("29 maart 2026, 03:30", start, "the start page's deadline");
        AssertDutchTimePage(start, "the start page");
    }

    [TestMethod]
    public async Task The_invitation_mail_names_the_dutch_deadline()
    {
        using var admin = await _app.ClientForAsync(Role.Admin);
        var sent = await admin.PostAsJsonAsync($"/api/v1/rounds/{Summer}/invitations", new { });
        Assert.AreEqual(HttpStatusCode.Accepted, sent.StatusCode, await sent.Content.ReadAsStringAsync());
        var pending = await _app.Services.GetRequiredService<IMailOutbox>().PendingAsync(DateTimeOffset.UtcNow.AddYears(1), 500);
        var mail = pending.Select(e => e.Mail).Single(m => m.Recipient == "anna@uva.nl" && m.Subject.Contains(Summer, StringComparison.Ordinal));
        Assert.Contains("29 maart 2026 om 03:30 (Nederlandse tijd)", mail.TextBody);
        Assert.Contains("29 March 2026 at 03:30 (Dutch time)", mail.TextBody);
        Assert.DoesNotMatchRegex(Utc(), mail.TextBody);
    }

    [TestMethod]
    public void Reminder_and_deadline_mails_name_summer_and_winter_deadlines_in_dutch_time()
    {
        var summer = new RoundMailTexts.Context("Anna", "UvA", "Ronde", SummerClose);
        var winter = summer with { ClosesAt = WinterClose };
        foreach (var text in new[] { RoundMailTexts.Reminder(summer, "https://x/y", 2, false), RoundMailTexts.DeadlineChanged(summer, "https://x/y") })
        {
            Assert.Contains("29 maart 2026 om 03:30", text.Body);
            Assert.Contains("29 March 2026 at 03:30", text.Body);
            Assert.DoesNotMatchRegex(Utc(), text.Body);
        }
        Assert.Contains("15 januari 2026 om 11:00", RoundMailTexts.Reminder(winter, "https://x/y", 2, true).Body);
    }

    [TestMethod]
    public void No_page_or_report_template_or_text_writes_UTC()
    {
        var root = RepoRoot.Find();
        foreach (var folder in new[] { "pages", "reports" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "templates", folder), "*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".scriban-html", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)))
            {
                Assert.DoesNotMatchRegex(Utc(), File.ReadAllText(file), $"{Path.GetRelativePath(root, file)} mentions UTC: times are shown in Dutch time");
            }
        }
    }
}
