using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Mail;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Core.Mail;
using Audit.Core.Reviews;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.Collection;

/// <summary>
/// A return needs a remark or a summary (400 otherwise), and every review mails the institution's active contacts
/// through the outbox: one row per contact, keyed by review and contact, so nothing is queued twice.
/// </summary>
[TestClass]
public sealed class ReviewMailTests
{
    private const string Question = "governance.bestuurder";
    private const string Another = "governance.beleid";

    [TestMethod]
    [DataRow("""{"decision":"return"}""")]
    [DataRow("""{"decision":"return","remarks":[],"summary":"   "}""")]
    [DataRow("""{"decision":"return","remarks":[],"summary":null}""")]
    public async Task A_return_without_a_remark_or_a_summary_is_a_400_that_says_so_and_changes_nothing(string body)
    {
        await using var app = new AuditApp();
        var world = await SubmittedAsync(app);

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var problem = await ProblemAssert.IsProblemAsync(
            await world.Analyst.PostAsync($"/api/v1/participations/{world.Own}/reviews", content), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.AreSequenceEqual(new[] { "remarks" }, errors.EnumerateObject().Select(e => e.Name).ToList());
        Assert.AreEqual(ReviewTexts.ReturnNeedsRemark, errors.GetProperty("remarks")[0].GetString());
        Assert.AreEqual("submitted", await world.StatusAsync());
        Assert.IsEmpty(await world.QueuedAsync());
    }

    [TestMethod]
    public async Task Every_error_of_a_return_is_listed_together_with_the_missing_remark()
    {
        await using var app = new AuditApp();
        var world = await SubmittedAsync(app);

        var problem = await ProblemAssert.IsProblemAsync(await world.Analyst.PostAsJsonAsync($"/api/v1/participations/{world.Own}/reviews",
            new { decision = "return", remarks = new[] { new { questionKey = "nope", text = "" } } }), HttpStatusCode.BadRequest);

        // The one remark given is invalid (both parts), and it still counts as a remark: the rule is about none at all.
        Assert.AreSequenceEqual(new[] { "remarks[0].questionKey", "remarks[0].text" },
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToList());
        Assert.AreEqual("submitted", await world.StatusAsync());
    }

    [TestMethod]
    public async Task A_return_with_only_a_summary_or_only_a_remark_goes_through()
    {
        await using var app = new AuditApp();
        var world = await SubmittedAsync(app);

        var summaryOnly = await world.Analyst.PostAsJsonAsync($"/api/v1/participations/{world.Own}/reviews",
            new { decision = "return", summary = "Vul thema 2 aan." });
        Assert.AreEqual(HttpStatusCode.OK, summaryOnly.StatusCode, await summaryOnly.Content.ReadAsStringAsync());
        await SubmitAsync(world.Respondent, world.Own);
        var remarkOnly = await world.Analyst.PostAsJsonAsync($"/api/v1/participations/{world.Own}/reviews",
            new { decision = "return", remarks = new[] { new { questionKey = Question, text = "Wie?" } } });
        Assert.AreEqual(HttpStatusCode.OK, remarkOnly.StatusCode, await remarkOnly.Content.ReadAsStringAsync());
        await SubmitAsync(world.Respondent, world.Own);
        var accept = await world.Analyst.PostAsJsonAsync($"/api/v1/participations/{world.Own}/reviews", new { decision = "accept" });
        Assert.AreEqual(HttpStatusCode.OK, accept.StatusCode, "an accept needs neither");
    }

    [TestMethod]
    public async Task A_return_mails_each_active_contact_once_with_the_summary_the_number_of_remarks_and_a_link()
    {
        await using var app = new AuditApp();
        var world = await SubmittedAsync(app);

        var returned = await world.Analyst.PostAsJsonAsync($"/api/v1/participations/{world.Own}/reviews", new
        {
            decision = "return",
            summary = "Vul het aantal samenwerkingen aan.",
            remarks = new[] { new { questionKey = Question, text = "Wie precies?" }, new { questionKey = Another, text = "Sinds wanneer?" } },
        });
        Assert.AreEqual(HttpStatusCode.OK, returned.StatusCode, await returned.Content.ReadAsStringAsync());

        var queued = await world.QueuedAsync();
        Assert.AreSequenceEqual(world.OwnContacts.Select(c => $"review:{world.Own}:1:{c}").Order(StringComparer.Ordinal).ToList(),
            queued.Select(m => m.Mail.DedupeKey).Order(StringComparer.Ordinal).ToList(), "one mail per active uva contact, none for vu");
        foreach (var entry in queued)
        {
            var mail = entry.Mail;
            Assert.AreEqual(mail.DedupeKey.Split(':')[3] + "@test.local", mail.Recipient, StringComparer.OrdinalIgnoreCase, "emails are stored in lower case");
            Assert.AreEqual($"Teruggestuurd: Round {world.RoundId} | Returned: Round {world.RoundId}", mail.Subject);
            Assert.Contains("Het auditbureau heeft de vragenlijst van Universiteit van Amsterdam", mail.TextBody);
            Assert.Contains("Bij 2 vragen staat een opmerking van het auditbureau.", mail.TextBody);
            Assert.Contains("The audit bureau left remarks at 2 questions.", mail.TextBody);
            Assert.Contains("Samenvatting van het auditbureau:\nVul het aantal samenwerkingen aan.", mail.TextBody);
            Assert.Contains($"\nhttps://localhost/deelnames/{world.Own}/overzicht\n", mail.TextBody);
            Assert.DoesNotContain("Wie precies?", mail.TextBody, "the remarks stay behind the sign-in");
        }

        // The same review again is refused (409), and queues nothing more.
        var again = await world.Analyst.PostAsJsonAsync($"/api/v1/participations/{world.Own}/reviews",
            new { decision = "return", summary = "Nog eens." });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        Assert.HasCount(2, await world.QueuedAsync());
    }

    [TestMethod]
    public async Task An_accept_mails_each_contact_under_a_key_of_its_own_review()
    {
        await using var app = new AuditApp();
        var world = await SubmittedAsync(app);
        var returned = await ReviewAsync(world.Analyst, world.Own, "return", (Question, "Wie precies?"));
        Assert.AreEqual(HttpStatusCode.OK, returned.StatusCode);
        await SubmitAsync(world.Respondent, world.Own);

        var accepted = await world.Analyst.PostAsJsonAsync($"/api/v1/participations/{world.Own}/reviews", new { decision = "accept" });
        Assert.AreEqual(HttpStatusCode.OK, accepted.StatusCode, await accepted.Content.ReadAsStringAsync());

        var mails = (await world.QueuedAsync()).Where(m => m.Mail.DedupeKey.StartsWith($"review:{world.Own}:2:", StringComparison.Ordinal)).ToList();
        Assert.HasCount(world.OwnContacts.Count, mails);
        Assert.HasCount(2 * world.OwnContacts.Count, await world.QueuedAsync(), "the return's mails stay as they were");
        Assert.AreEqual($"Geaccepteerd: Round {world.RoundId} | Accepted: Round {world.RoundId}", mails[0].Mail.Subject);
        Assert.Contains("Dat is definitief: de antwoorden kunnen niet meer worden gewijzigd.", mails[0].Mail.TextBody);
        Assert.Contains("This is final: the answers can no longer be changed.", mails[0].Mail.TextBody);
        Assert.Contains($"https://localhost/deelnames/{world.Own}/overzicht", mails[0].Mail.TextBody);
    }

    [TestMethod]
    public async Task Without_a_public_address_the_review_still_goes_through_and_the_mail_says_to_sign_in()
    {
        await using var app = new AuditApp();
        app.Settings["Audit:PublicBaseUrl"] = "";
        var world = await SubmittedAsync(app);

        var returned = await ReviewAsync(world.Analyst, world.Own, "return", (Question, "Wie precies?"));

        Assert.AreEqual(HttpStatusCode.OK, returned.StatusCode, await returned.Content.ReadAsStringAsync());
        var mail = (await world.QueuedAsync())[0].Mail;
        Assert.Contains("Bij 1 vraag staat een opmerking van het auditbureau.", mail.TextBody);
        Assert.Contains("Meld u aan bij de auditdienst om de vragenlijst te bekijken.", mail.TextBody);
        Assert.DoesNotContain("http", mail.TextBody);
    }

    /// <summary>An open round with uva (two active respondents; the first filled in and submitted) and vu (one respondent).</summary>
    private static async Task<World> SubmittedAsync(AuditApp app)
    {
        var admin = await app.ClientForAsync(Role.Admin);
        var analyst = await app.ClientForAsync(Role.Analyst);
        var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var colleague = await app.ClientForAsync(Role.Respondent, Own);
        using var otherContact = await app.ClientForAsync(Role.Respondent, Other);
        // The test reads the outbox itself: a scheduled send in between would empty the bodies it inspects.
        app.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(MailOutboxJob.RecurringId);
        const string round = "2023-review-mail";
        var (own, _) = await OpenRoundAsync(admin, round);
        await FillAndSubmitAsync(respondent, own, await QuestionnaireAsync(app, "2023"));
        return new World(app, analyst, respondent, round, own, [app.UserIds[respondent], app.UserIds[colleague]]);
    }

    private sealed record World(AuditApp App, HttpClient Analyst, HttpClient Respondent, string RoundId, string Own, IReadOnlyList<string> OwnContacts)
    {
        public async Task<string> StatusAsync() =>
            (await Analyst.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{Own}")).GetProperty("status").GetString()!;

        /// <summary>Every review mail in the outbox, none sent: the outbox job is not scheduled in these tests.</summary>
        public async Task<IReadOnlyList<OutboxEntry>> QueuedAsync() =>
            (await App.Services.GetRequiredService<IMailOutbox>().PendingAsync(DateTimeOffset.UtcNow.AddDays(1), 1000))
                .Where(m => m.Mail.DedupeKey.StartsWith("review:", StringComparison.Ordinal)).ToList();
    }
}
