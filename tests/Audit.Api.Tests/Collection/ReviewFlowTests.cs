using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.SectorViews;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Core.Answers;
using Audit.Core.Institutions;
using Audit.Core.SectorViews;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Collection.CollectionFixture;
using Audit.Application.SectorViews;

namespace Audit.Api.Tests.Collection;

[TestClass]
public sealed class ReviewFlowTests
{
    [TestMethod]
    public async Task Submitting_an_incomplete_questionnaire_lists_every_missing_and_invalid_question()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var questionnaire = await QuestionnaireAsync(app, "2023");
        var (own, _) = await OpenRoundAsync(admin, "2023-incomplete");
        await PutAnswerAsync(respondent, own, "governance.bestuurder", "yes");

        var problem = await ProblemAssert.IsProblemAsync(
            await respondent.PostAsync($"/api/v1/participations/{own}/submission", null), HttpStatusCode.BadRequest);

        var expected = AnswerValidator.CompletenessCheck(questionnaire,
            new Dictionary<string, JsonElement> { ["governance.bestuurder"] = JsonSerializer.SerializeToElement("yes") }).Missing;
        Assert.IsGreaterThan(10, expected.Count);
        var listed = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.AreSequenceEqual(expected.Order(StringComparer.Ordinal).ToList(), listed.Order(StringComparer.Ordinal).ToList());
        var participation = await respondent.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{own}");
        Assert.AreEqual("in_progress", participation.GetProperty("status").GetString());
    }

    [TestMethod]
    public async Task Return_edit_resubmit_accept_marks_the_sector_dirty_and_publishes_findings_to_the_institution()
    {
        var scheduler = new RecordingRecomputeScheduler();
        await using var app = new AuditApp { TestServices = services => services.AddSingleton<ISectorRecomputeScheduler>(scheduler) };
        using var admin = await app.ClientForAsync(Role.Admin);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        using var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var questionnaire = await QuestionnaireAsync(app, "2023");
        const string round = "2023-flow";
        var (own, other) = await OpenRoundAsync(admin, round, daysToDeadline: 10);
        await FillAndSubmitAsync(respondent, own, questionnaire);

        // Submitted: frozen for the institution.
        await ProblemAssert.IsProblemAsync(await PutAnswerAsync(respondent, own, "governance.bestuurder", "no", "\"1\""), HttpStatusCode.Conflict);

        var returned = await ReviewAsync(analyst, own, "return", ("governance.bestuurder", "Wie is dat precies?"));
        Assert.AreEqual(HttpStatusCode.OK, returned.StatusCode, await returned.Content.ReadAsStringAsync());
        Assert.AreEqual("returned", (await returned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var set = await respondent.GetFromJsonAsync<JsonElement>(AnswersUrl(own));
        var remark = set.GetProperty("remarks").EnumerateArray().Single();
        Assert.AreEqual("governance.bestuurder", remark.GetProperty("questionKey").GetString());
        Assert.AreEqual("Wie is dat precies?", remark.GetProperty("text").GetString());
        Assert.IsTrue(set.GetProperty("editable").GetBoolean());

        Assert.AreEqual(HttpStatusCode.OK, (await PutAnswerAsync(respondent, own, "governance.bestuurder", "no", "\"1\"", "De rector")).StatusCode);
        await SubmitAsync(respondent, own);
        Assert.IsEmpty(scheduler.Enqueued);
        var accepted = await ReviewAsync(analyst, own, "accept");
        Assert.AreEqual(HttpStatusCode.OK, accepted.StatusCode, await accepted.Content.ReadAsStringAsync());

        // The accept wrote the dirty mark for (round, type) with it, and only then asked for the recompute.
        var marks = await app.Services.GetRequiredService<ISectorDirtyRepository>().ListAsync();
        Assert.AreEqual((round, InstitutionType.Universiteit), marks.Select(m => (m.RoundId, m.InstitutionType)).Single());
        Assert.AreEqual((round, InstitutionType.Universiteit), scheduler.Enqueued.Single());
        var reviews = await respondent.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{own}/reviews");
        Assert.AreSequenceEqual(new[] { "return", "accept" }, reviews.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("decision").GetString()!).ToList());
        await ProblemAssert.IsProblemAsync(await ReviewAsync(analyst, own, "return"), HttpStatusCode.Conflict);

        // Progress: uva complete and accepted, vu untouched; counted per type and status.
        var progress = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/progress");
        Assert.AreEqual(10, progress.GetProperty("daysToDeadline").GetInt32());
        var rows = progress.GetProperty("participations").EnumerateArray().ToDictionary(p => p.GetProperty("participationId").GetString()!);
        Assert.AreEqual("accepted", rows[own].GetProperty("status").GetString());
        var resource = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{own}");
        Assert.IsGreaterThan(10, rows[own].GetProperty("required").GetInt32());
        Assert.IsGreaterThanOrEqualTo(rows[own].GetProperty("required").GetInt32(), rows[own].GetProperty("answered").GetInt32());
        Assert.AreEqual(resource.GetProperty("answered").GetInt32(), rows[own].GetProperty("answered").GetInt32());
        Assert.AreEqual(resource.GetProperty("required").GetInt32(), rows[own].GetProperty("required").GetInt32());
        Assert.IsNotNull(rows[own].GetProperty("lastActivityAt").GetString());
        Assert.AreEqual(JsonValueKind.Null, rows[own].GetProperty("daysToDeadline").ValueKind);
        Assert.AreEqual("invited", rows[other].GetProperty("status").GetString());
        Assert.AreEqual(0, rows[other].GetProperty("answered").GetInt32());
        var untouched = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{other}");
        Assert.AreEqual(untouched.GetProperty("required").GetInt32(), rows[other].GetProperty("required").GetInt32());
        Assert.AreEqual(10, rows[other].GetProperty("daysToDeadline").GetInt32());
        var totals = progress.GetProperty("totals").EnumerateArray().Single();
        Assert.AreEqual("universiteit", totals.GetProperty("institutionType").GetString());
        Assert.AreEqual(1, totals.GetProperty("statuses").GetProperty("accepted").GetInt32());
        Assert.AreEqual(1, totals.GetProperty("statuses").GetProperty("invited").GetInt32());
        Assert.AreEqual(0, totals.GetProperty("statuses").GetProperty("submitted").GetInt32());

        // Findings: versioned, and shown to the institution only once the round is published.
        var findings = new { themes = new[] { new { themeKey = "governance", finding = "Goed belegd.", recommendation = "Borg de opvolging." } }, summary = "Op orde." };
        var saved = await analyst.PutAsJsonAsync($"/api/v1/participations/{own}/findings", findings);
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.AreEqual("\"1\"", saved.Headers.ETag!.ToString());
        await ProblemAssert.IsProblemAsync(await analyst.PutAsJsonAsync($"/api/v1/participations/{own}/findings", findings), (HttpStatusCode)428);
        await ProblemAssert.IsProblemAsync(await respondent.GetAsync($"/api/v1/participations/{own}/findings"), HttpStatusCode.Forbidden);
        await ChangeRoundAsync(admin, round, "closed");
        // The recompute the accept asked for has not run (the scheduler here only records): publishing waits for it.
        var stale = await admin.PostAsJsonAsync($"/api/v1/rounds/{round}/status-changes", new { status = "published" });
        Assert.Contains("universiteit", (await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict)).GetProperty("reasons")[0].GetString()!);
        await app.Services.GetRequiredService<SectorRecomputeJob>().RunAsync(round, "universiteit", CancellationToken.None);
        await ChangeRoundAsync(admin, round, "published");
        var published = await respondent.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{own}/findings");
        Assert.AreEqual("Borg de opvolging.", published.GetProperty("themes")[0].GetProperty("recommendation").GetString());
    }

    [TestMethod]
    public async Task A_null_remark_or_theme_is_an_invalid_item_listed_with_the_others_and_nothing_is_stored()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        using var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var (own, _) = await OpenRoundAsync(admin, "2023-null-items");
        await FillAndSubmitAsync(respondent, own, await QuestionnaireAsync(app, "2023"));

        using var review = new StringContent("""{"decision":"return","remarks":[{"questionKey":"governance.bestuurder","text":"Graag toelichten."},null],"summary":null}""",
            System.Text.Encoding.UTF8, "application/json");
        var reviewProblem = await ProblemAssert.IsProblemAsync(await analyst.PostAsync($"/api/v1/participations/{own}/reviews", review), HttpStatusCode.BadRequest);
        using var findings = new StringContent("""{"themes":[null],"summary":null}""", System.Text.Encoding.UTF8, "application/json");
        var findingsProblem = await ProblemAssert.IsProblemAsync(await analyst.PutAsync($"/api/v1/participations/{own}/findings", findings), HttpStatusCode.BadRequest);

        Assert.AreSequenceEqual(new[] { "remarks[1].questionKey", "remarks[1].text" },
            reviewProblem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToList());
        Assert.AreSequenceEqual(new[] { "themes[0].finding", "themes[0].themeKey" },
            findingsProblem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToList());
        var participation = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{own}");
        Assert.AreEqual("submitted", participation.GetProperty("status").GetString());
        Assert.AreEqual(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/v1/participations/{own}/findings")).StatusCode);
    }

    [TestMethod]
    public async Task Of_a_concurrent_accept_and_return_exactly_one_wins()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var first = await app.ClientForAsync(Role.Analyst);
        using var second = await app.ClientForAsync(Role.Analyst);
        using var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var (own, _) = await OpenRoundAsync(admin, "2023-race");
        await FillAndSubmitAsync(respondent, own, await QuestionnaireAsync(app, "2023"));

        var responses = await Task.WhenAll(ReviewAsync(first, own, "accept"), ReviewAsync(second, own, "return", ("governance.bestuurder", "Graag toelichten.")));

        var statuses = responses.Select(r => r.StatusCode).Order().ToList();
        Assert.AreSequenceEqual(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, statuses);
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var status = (await winner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
        var participation = await first.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{own}");
        Assert.AreEqual(status, participation.GetProperty("status").GetString());
        var reviews = await first.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{own}/reviews");
        Assert.AreEqual(1, reviews.GetProperty("items").GetArrayLength());
    }
}
