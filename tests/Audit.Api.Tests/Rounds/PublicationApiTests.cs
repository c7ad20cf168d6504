using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.AuditTrail;
using Audit.Core.Paging;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Rounds;

/// <summary>
/// <c>GET /api/v1/rounds/{roundId}/publication-preview</c> and publishing through the status change: the preview is what
/// the ministry then reads, a stale sector view stops publication with its reasons, and each accepted institution's
/// contacts get the feedback mail once.
/// </summary>
[TestClass]
public sealed class PublicationApiTests
{
    [TestMethod]
    public async Task The_preview_is_exactly_what_the_ministry_reads_after_publishing()
    {
        await using var world = await PublicationWorld.ClosedAsync("2023-preview");
        await SectorFindings.ApprovedFindings.EnsureAsync(world.World.App.Services, world.RoundId);

        var preview = await world.PreviewAsync();

        Assert.AreEqual("closed", preview.GetProperty("roundStatus").GetString());
        Assert.IsTrue(preview.GetProperty("canPublish").GetBoolean());
        Assert.IsTrue(preview.GetProperty("sectorViewsCurrent").GetBoolean());
        Assert.AreEqual(0, preview.GetProperty("reasons").GetArrayLength());
        Assert.AreEqual(0, preview.GetProperty("submittedNotReviewed").GetInt32());
        var sector = preview.GetProperty("sectors").EnumerateArray().Single();
        Assert.AreEqual("universiteit", sector.GetProperty("institutionType").GetString());
        Assert.AreEqual(6, sector.GetProperty("accepted").GetInt32());
        Assert.AreEqual(world.World.Participations.Count, sector.GetProperty("participations").GetInt32());
        Assert.AreEqual("current", sector.GetProperty("state").GetString());
        Assert.IsTrue(sector.GetProperty("published").GetBoolean(), "six institutions are enough to publish");
        Assert.IsFalse(sector.GetProperty("suppression").GetProperty("wholeView").GetBoolean());
        var shown = sector.GetProperty("publishedView");
        Assert.AreEqual("published", shown.GetProperty("view").GetString());

        var published = await world.PublishAsync();
        Assert.AreEqual(HttpStatusCode.OK, published.StatusCode, await published.Content.ReadAsStringAsync());
        var ministry = await world.World.Ministry.GetStringAsync($"/api/v1/rounds/{world.RoundId}/sector-views/universiteit");
        Assert.IsTrue(JsonNode.DeepEquals(JsonNode.Parse(shown.GetRawText()), JsonNode.Parse(ministry)), "the preview is the ministry's view");
    }

    [TestMethod]
    public async Task Publishing_mails_each_contact_of_an_accepted_institution_once_with_a_link_to_its_report()
    {
        await using var world = await PublicationWorld.ClosedAsync("2023-mail");

        Assert.AreEqual(HttpStatusCode.OK, (await world.PublishAsync()).StatusCode);

        foreach (var (respondent, institution) in new[] { (world.World.OwnRespondent, Reports.ReportWorld.Own), (world.World.OtherRespondent, Reports.ReportWorld.Other) })
        {
            var mail = await world.MailOfAsync(respondent);
            Assert.IsNotNull(mail, $"no publication mail for {institution}");
            Assert.Contains("Uw feedbackrapport staat klaar", mail.Mail.Subject);
            Assert.Contains($"\nhttps://localhost/deelnames/{world.World.Participations[institution]}/rapport\n", mail.Mail.TextBody);
        }
        var events = await world.Service<IAuditEventRepository>().QueryAsync(new AuditEventQuery("round", world.RoundId), new PageRequest(1, 100));
        Assert.Contains("→ published, 2 feedback mail(s) queued", events.Items.Single(e => e.Action == "round.status-changed" && e.Summary!.Contains("published")).Summary!);
        var again = await world.PublishAsync();
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
    }

    [TestMethod]
    public async Task A_stale_sector_view_stops_publication_with_its_reasons_and_nothing_is_written()
    {
        await using var world = await PublicationWorld.ClosedAsync("2023-stale");
        await world.MarkStaleAsync();

        var preview = await world.PreviewAsync();
        var refused = await world.PublishAsync();

        Assert.IsFalse(preview.GetProperty("canPublish").GetBoolean());
        Assert.IsFalse(preview.GetProperty("sectorViewsCurrent").GetBoolean());
        Assert.AreEqual("recompute_pending", preview.GetProperty("sectors")[0].GetProperty("state").GetString());
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        var reasons = problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.HasCount(1, reasons);
        Assert.Contains("'universiteit'", reasons[0]);
        Assert.AreEqual(preview.GetProperty("reasons")[0].GetString(), reasons[0], "the preview names the same reason");
        Assert.AreEqual("universiteit", problem.GetProperty("staleInstitutionTypes")[0].GetString());
        Assert.AreEqual("closed", await world.StatusAsync());
        Assert.IsNull(await world.MailOfAsync(world.World.OwnRespondent));
        Assert.AreEqual(HttpStatusCode.NotFound,
            (await world.World.Ministry.GetAsync($"/api/v1/rounds/{world.RoundId}/sector-views/universiteit")).StatusCode);

        await world.RecomputeAsync();
        Assert.AreEqual(HttpStatusCode.OK, (await world.PublishAsync()).StatusCode);
    }

    [TestMethod]
    public async Task Without_a_public_address_the_round_is_published_and_the_mail_says_to_sign_in()
    {
        await using var world = await PublicationWorld.ClosedAsync("2023-no-url", app => app.Settings["Audit:PublicBaseUrl"] = "");

        Assert.AreEqual(HttpStatusCode.OK, (await world.PublishAsync()).StatusCode);

        Assert.AreEqual("published", await world.StatusAsync());
        var mail = await world.MailOfAsync(world.World.OwnRespondent);
        Assert.IsNotNull(mail);
        Assert.Contains("Meld u aan bij de auditdienst en open het rapport bij uw deelname.", mail.Mail.TextBody);
        Assert.DoesNotContain("http", mail.Mail.TextBody);
    }

    [TestMethod]
    public async Task The_preview_of_an_open_round_names_its_status_and_an_unknown_round_is_404()
    {
        await using var app = new AuditApp();
        var world = await Pages.BureauWorld.SubmittedAsync(app, "2023-open");

        var preview = await world.Admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds/2023-open/publication-preview");
        var unknown = await world.Admin.GetAsync("/api/v1/rounds/nope/publication-preview");

        Assert.IsFalse(preview.GetProperty("canPublish").GetBoolean());
        Assert.IsTrue(preview.GetProperty("sectorViewsCurrent").GetBoolean(), "nothing accepted, nothing to compute");
        Assert.AreEqual(1, preview.GetProperty("submittedNotReviewed").GetInt32());
        Assert.Contains("Allowed", preview.GetProperty("reasons")[0].GetString()!);
        var sector = preview.GetProperty("sectors")[0];
        Assert.AreEqual("no_view", sector.GetProperty("state").GetString());
        Assert.AreEqual(JsonValueKind.Null, sector.GetProperty("publishedView").ValueKind);
        Assert.IsFalse(sector.GetProperty("published").GetBoolean());
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
    }
}
