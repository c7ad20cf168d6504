using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.Collection;

[TestClass]
public sealed class AnswersApiTests
{
    private const string YesNoKey = "governance.bestuurder";

    [TestMethod]
    public async Task Autosave_uses_etags_and_never_overwrites_a_colleague_silently()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        using var alice = await app.ClientForAsync(Role.Respondent, Own);
        using var bob = await app.ClientForAsync(Role.Respondent, Own);
        var (own, _) = await OpenRoundAsync(admin, "2023-autosave");

        var created = await PutAnswerAsync(alice, own, YesNoKey, "yes", comment: "Het CvB");
        Assert.AreEqual(HttpStatusCode.OK, created.StatusCode, await created.Content.ReadAsStringAsync());
        Assert.AreEqual("\"1\"", created.Headers.ETag!.ToString());
        var participation = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{own}");
        Assert.AreEqual("in_progress", participation.GetProperty("status").GetString());

        // An existing answer needs If-Match (428, with the answer to merge with).
        var unconditional = await PutAnswerAsync(bob, own, YesNoKey, "no");
        var required = await ProblemAssert.IsProblemAsync(unconditional, (HttpStatusCode)428);
        Assert.AreEqual("yes", required.GetProperty("current").GetProperty("value").GetString());

        var bobSaves = await PutAnswerAsync(bob, own, YesNoKey, "no", "\"1\"");
        Assert.AreEqual(HttpStatusCode.OK, bobSaves.StatusCode, await bobSaves.Content.ReadAsStringAsync());
        Assert.AreEqual("\"2\"", bobSaves.Headers.ETag!.ToString());

        // Alice still has version 1: 412 with Bob's answer, nothing overwritten.
        var stale = await ProblemAssert.IsProblemAsync(await PutAnswerAsync(alice, own, YesNoKey, "yes", "\"1\""), HttpStatusCode.PreconditionFailed);
        var current = stale.GetProperty("current");
        Assert.AreEqual("no", current.GetProperty("value").GetString());
        Assert.AreEqual(2, current.GetProperty("version").GetInt32());
        Assert.AreEqual(app.UserIds[bob], current.GetProperty("updatedBy").GetString());

        // Validation: every error of Core, and unknown questions.
        var invalid = await ProblemAssert.IsProblemAsync(
            await PutAnswerAsync(alice, own, "risicoanalyse.criteria", new[] { "onbekend", "onbekend" }), HttpStatusCode.BadRequest);
        Assert.IsGreaterThanOrEqualTo(2, invalid.GetProperty("errors").GetProperty("value").GetArrayLength(), invalid.ToString());
        var unknown = await ProblemAssert.IsProblemAsync(await PutAnswerAsync(alice, own, "geen.vraag", "yes"), HttpStatusCode.BadRequest);
        Assert.Contains("geen.vraag", unknown.GetProperty("errors").GetProperty("value")[0].GetString()!);

        // Clearing needs If-Match too, and is a version of its own in the history.
        await ProblemAssert.IsProblemAsync(await alice.DeleteAsync($"{AnswersUrl(own)}/{YesNoKey}"), (HttpStatusCode)428);
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, $"{AnswersUrl(own)}/{YesNoKey}"))
        {
            delete.Headers.IfMatch.Add(new EntityTagHeaderValue("\"2\""));
            Assert.AreEqual(HttpStatusCode.NoContent, (await alice.SendAsync(delete)).StatusCode);
        }
        var history = await alice.GetFromJsonAsync<JsonElement>($"{AnswersUrl(own)}/{YesNoKey}/history");
        var versions = history.GetProperty("versions").EnumerateArray().ToList();
        Assert.HasCount(3, versions);
        var byVersion = versions.ToDictionary(v => v.GetProperty("version").GetInt32());
        Assert.AreEqual("yes", byVersion[1].GetProperty("value").GetString());
        Assert.AreEqual("Het CvB", byVersion[1].GetProperty("comment").GetString());
        Assert.AreEqual(app.UserIds[bob], byVersion[2].GetProperty("changedBy").GetString());
        Assert.AreEqual(JsonValueKind.Null, byVersion[3].GetProperty("value").ValueKind);

        // A new answer after the clear continues the version sequence; the bureau reads it, on the record.
        var again = await PutAnswerAsync(alice, own, YesNoKey, "yes");
        Assert.AreEqual("\"4\"", again.Headers.ETag!.ToString());
        var set = await analyst.GetFromJsonAsync<JsonElement>(AnswersUrl(own));
        Assert.AreEqual(4, set.GetProperty("answers").EnumerateArray().Single().GetProperty("version").GetInt32());
        Assert.IsTrue(set.GetProperty("editable").GetBoolean());
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit-events?objectType=participation&objectId={own}");
        Assert.Contains(e => e.GetProperty("action").GetString() == "answers.read" && e.GetProperty("actorId").GetString() == app.UserIds[analyst],
            trail.GetProperty("items").EnumerateArray().ToList(), trail.ToString());
    }

    [TestMethod]
    public async Task A_batch_saves_everything_or_nothing_and_lists_every_failing_item()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var (own, _) = await OpenRoundAsync(admin, "2023-batch");
        await PutAnswerAsync(respondent, own, YesNoKey, "yes");
        await PutAnswerAsync(respondent, own, "governance.coordinator", "yes");

        var invalid = await ProblemAssert.IsProblemAsync(await respondent.PatchAsJsonAsync(AnswersUrl(own), new
        {
            answers = new object[]
            {
                new { questionKey = "governance.coordinator", value = "maybe", version = 1 },
                new { questionKey = "geen.vraag", value = "yes" },
                new { questionKey = "risicoanalyse.criteria", value = 3 },
            },
        }), HttpStatusCode.BadRequest);
        var errors = invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToList();
        Assert.AreSequenceEqual(new[] { "answers[0].value", "answers[1].value", "answers[2].value" }, errors);

        // Two stale items (one without the version it needs, one at an old version): 412 listing both, nothing saved.
        var stale = await ProblemAssert.IsProblemAsync(await respondent.PatchAsJsonAsync(AnswersUrl(own), new
        {
            answers = new object[]
            {
                new { questionKey = "governance.toelichting_coordinator", value = "Nieuw" },
                new { questionKey = YesNoKey, value = "no" },
                new { questionKey = "governance.coordinator", value = "no", version = 7 },
            },
        }), HttpStatusCode.PreconditionFailed);
        var items = stale.GetProperty("items").EnumerateArray().ToList();
        Assert.AreSequenceEqual(new[] { 1, 2 }, items.Select(i => i.GetProperty("index").GetInt32()).ToArray());
        Assert.AreEqual("version_required", items[0].GetProperty("reason").GetString());
        Assert.AreEqual("version_mismatch", items[1].GetProperty("reason").GetString());
        Assert.AreEqual(1, items[1].GetProperty("current").GetProperty("version").GetInt32());
        var unchanged = await respondent.GetFromJsonAsync<JsonElement>(AnswersUrl(own));
        Assert.HasCount(2, unchanged.GetProperty("answers").EnumerateArray().ToList());

        var saved = await respondent.PatchAsJsonAsync(AnswersUrl(own), new
        {
            answers = new object[]
            {
                new { questionKey = "governance.toelichting_coordinator", value = "Nieuw", comment = "concept" },
                new { questionKey = YesNoKey, value = "no", version = 1 },
            },
        });
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        var versions = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answers").EnumerateArray()
            .Select(a => (a.GetProperty("questionKey").GetString()!, a.GetProperty("version").GetInt32())).ToList();
        Assert.AreSequenceEqual(new[] { ("governance.toelichting_coordinator", 1), (YesNoKey, 2) }, versions);
    }

    [TestMethod]
    public async Task Prefill_copies_the_institutions_accepted_baseline_answers_of_comparable_questions()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        using var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var q2023 = await QuestionnaireAsync(app, "2023");
        var q2025 = await QuestionnaireAsync(app, "2025");
        var (baseline, otherBaseline) = await OpenRoundAsync(admin, "2023-universiteiten");
        await FillAndSubmitAsync(respondent, baseline, q2023);
        Assert.AreEqual(HttpStatusCode.OK, (await ReviewAsync(analyst, baseline, "accept")).StatusCode);
        var (own, _) = await OpenRoundAsync(admin, "2025-universiteiten", "2025", "2023-universiteiten");

        var response = await respondent.PostAsync($"/api/v1/participations/{own}/prefill", null);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(baseline, result.GetProperty("baselineParticipationId").GetString());
        var copied = result.GetProperty("copied").EnumerateArray().Select(k => k.GetString()!).ToHashSet();
        var comparable = Audit.Core.Questionnaires.QuestionnaireComparison.Compare(q2023, q2025);
        Assert.IsTrue(copied.IsSubsetOf(comparable.Comparable), "only comparable questions are copied");
        Assert.AreEqual(string.Join(",", comparable.Comparable), string.Join(",", comparable.Comparable.Where(copied.Contains)));
        Assert.Contains(YesNoKey, copied);
        Assert.DoesNotContain("governance.leidraad_actueel", copied); // new in 2025
        var set = await respondent.GetFromJsonAsync<JsonElement>(AnswersUrl(own));
        var answer = set.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionKey").GetString() == YesNoKey);
        Assert.IsTrue(answer.GetProperty("prefilled").GetBoolean());
        Assert.AreEqual("in_progress", set.GetProperty("status").GetString());

        // Editing makes it the institution's own answer; prefilling again never overwrites.
        var edited = await PutAnswerAsync(respondent, own, YesNoKey, "no", $"\"{answer.GetProperty("version").GetInt32()}\"");
        Assert.IsFalse((await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("prefilled").GetBoolean());
        var again = await (await respondent.PostAsync($"/api/v1/participations/{own}/prefill", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(0, again.GetProperty("copied").GetArrayLength());

        // vu's baseline participation was never accepted: nothing to copy.
        using var vu = await app.ClientForAsync(Role.Respondent, Other);
        var vu2025 = (await vu.GetFromJsonAsync<JsonElement>("/api/v1/rounds/2025-universiteiten/participations")).GetProperty("items")[0].GetProperty("id").GetString();
        await ProblemAssert.IsProblemAsync(await vu.PostAsync($"/api/v1/participations/{vu2025}/prefill", null), HttpStatusCode.Conflict);
        Assert.IsNotNull(otherBaseline);
    }
}
