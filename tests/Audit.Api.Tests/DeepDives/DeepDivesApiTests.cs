using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Reports;
using Audit.Application.DeepDives;
using Audit.Core.DeepDives;

namespace Audit.Api.Tests.DeepDives;

/// <summary>
/// The deep-dive API over a round with six accepted universities: suggestions, the versioned selection, records,
/// and that it is confidential (404 outside the bureau, reads on the audit trail).
/// </summary>
[TestClass]
public sealed class DeepDivesApiTests
{
    private static ReportWorld _world = null!;

    private static string Url(string tail = "") => $"/api/v1/rounds/{_world.RoundId}/deep-dives/universiteit{tail}";

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => _world = await ReportWorld.CreateAsync("2023-deep-dive");

    [ClassCleanup]
    public static async Task StopAsync() => await _world.DisposeAsync();

    [TestMethod]
    public async Task The_ministry_and_respondents_are_told_there_is_no_deep_dive()
    {
        foreach (var client in new[] { _world.Ministry, _world.OwnRespondent, _world.OtherRespondent })
        {
            await ProblemAssert.IsProblemAsync(await client.GetAsync(Url()), HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(await client.GetAsync(Url("/records")), HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync(Url("/suggestions"), new { size = 2, seed = 1 }), HttpStatusCode.NotFound);
        }
        await ProblemAssert.IsProblemAsync(await _world.Analyst.GetAsync($"/api/v1/rounds/{_world.RoundId}/deep-dives/umc"), HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task A_suggestion_is_reproducible_with_its_seed_and_spreads_over_the_quartiles()
    {
        var first = await SuggestAsync(4, 42);
        var again = await SuggestAsync(4, 42);

        Assert.AreEqual(6, first.GetProperty("eligible").GetInt32());
        Assert.AreEqual(42, first.GetProperty("seed").GetInt32());
        Assert.AreEqual(Ids(first), Ids(again));
        Assert.AreSequenceEqual(new[] { 1, 2, 3, 4 },
            first.GetProperty("institutions").EnumerateArray().Select(i => i.GetProperty("quartile").GetInt32()).Order().ToArray());
        var drawn = await SuggestAsync(2, null);
        Assert.IsGreaterThanOrEqualTo(0, drawn.GetProperty("seed").GetInt32());
        Assert.AreEqual(2, drawn.GetProperty("institutions").GetArrayLength());
    }

    [TestMethod]
    public async Task A_bad_suggestion_request_lists_every_field()
    {
        var problem = await ProblemAssert.IsProblemAsync(await _world.Analyst.PostAsJsonAsync(Url("/suggestions"), new { size = 0, seed = -1 }), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.IsTrue(errors.TryGetProperty("size", out _));
        Assert.IsTrue(errors.TryGetProperty("seed", out _));
    }

    [TestMethod]
    public async Task The_selection_is_validated_versioned_and_its_reads_are_on_the_trail()
    {
        var invalid = await ProblemAssert.IsProblemAsync(await _world.Analyst.PutAsJsonAsync(Url(), new { institutionIds = new[] { "nope", ReportWorld.Own, ReportWorld.Own }, rationale = " " }),
            HttpStatusCode.BadRequest);
        Assert.AreSequenceEqual(new[] { "institutionIds[0]", "institutionIds[2]", "rationale" },
            invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());

        var saved = await _world.Analyst.PutAsJsonAsync(Url(), new { institutionIds = new[] { ReportWorld.Own }, rationale = "Kwartielspreiding, seed 42" });
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.AreEqual("\"1\"", saved.Headers.ETag?.Tag);
        await ProblemAssert.IsProblemAsync(await _world.Analyst.PutAsJsonAsync(Url(), new { institutionIds = Array.Empty<string>(), rationale = "x" }),
            HttpStatusCode.PreconditionRequired);
        await ProblemAssert.IsProblemAsync(await PutAsync(Url(), "\"7\"", new { institutionIds = Array.Empty<string>(), rationale = "x" }), HttpStatusCode.PreconditionFailed);
        var changed = await PutAsync(Url(), "\"1\"", new { institutionIds = new[] { ReportWorld.Own, ReportWorld.Other }, rationale = "Twee" });
        Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode, await changed.Content.ReadAsStringAsync());

        var before = (await _world.EventsAsync($"{_world.RoundId}/universiteit", ReadDeepDiveSelection.ReadAction)).Count;
        var read = await _world.Analyst.GetFromJsonAsync<JsonElement>(Url());
        Assert.AreEqual(2, read.GetProperty("version").GetInt32());
        Assert.HasCount(2, read.GetProperty("institutions").EnumerateArray().ToList());
        Assert.HasCount(before + 1, await _world.EventsAsync($"{_world.RoundId}/universiteit", ReadDeepDiveSelection.ReadAction));
    }

    [TestMethod]
    public async Task Records_are_validated_field_by_field_versioned_and_their_reads_are_on_the_trail()
    {
        var selection = await _world.Analyst.GetFromJsonAsync<JsonElement>(Url());
        var body = new { institutionIds = new[] { ReportWorld.Other }, rationale = "Records" };
        var put = selection.GetProperty("version").ValueKind == JsonValueKind.Null
            ? await _world.Analyst.PutAsJsonAsync(Url(), body)
            : await PutAsync(Url(), $"\"{selection.GetProperty("version").GetInt32()}\"", body);
        Assert.AreEqual(HttpStatusCode.OK, put.StatusCode, await put.Content.ReadAsStringAsync());

        var invalid = await ProblemAssert.IsProblemAsync(await _world.Analyst.PostAsJsonAsync(Url("/records"), new
        {
            institutionId = "nope",
            kind = "chat",
            date = "2-5-2023",
            roles = new[] { "" },
            notes = new[] { new { text = "", themes = new[] { "no-such-theme" } } },
        }), HttpStatusCode.BadRequest);
        Assert.AreSequenceEqual(new[] { "institutionId", "kind", "date", "roles[0]", "notes[0].text", "notes[0].themes[0]" }.Order(StringComparer.Ordinal).ToArray(),
            invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());

        var record = new
        {
            institutionId = ReportWorld.Other,
            kind = "interview",
            date = "2023-05-02",
            roles = new[] { "bestuurder", "security officer" },
            notes = new[] { new { text = "Screening is belegd.", themes = new[] { "governance" } } },
            notablePractices = "Jaarlijkse oefening",
        };
        var added = await _world.Analyst.PostAsJsonAsync(Url("/records"), record);
        Assert.AreEqual(HttpStatusCode.Created, added.StatusCode, await added.Content.ReadAsStringAsync());
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var recordUrl = Url($"/records/{id}");

        await ProblemAssert.IsProblemAsync(await _world.Analyst.PutAsJsonAsync(recordUrl, record), HttpStatusCode.PreconditionRequired);
        await ProblemAssert.IsProblemAsync(await PutAsync(recordUrl, "\"5\"", record), HttpStatusCode.PreconditionFailed);
        var changed = await PutAsync(recordUrl, "\"1\"", record with { kind = "document-study" });
        Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode, await changed.Content.ReadAsStringAsync());

        var list = await _world.Analyst.GetFromJsonAsync<JsonElement>(Url($"/records?institutionId={ReportWorld.Other}"));
        var item = list.GetProperty("items").EnumerateArray().Single();
        Assert.AreEqual("document-study", item.GetProperty("kind").GetString());
        Assert.AreEqual("2023-05-02", item.GetProperty("date").GetString());
        Assert.IsNotEmpty(await _world.EventsAsync($"{_world.RoundId}/universiteit", ReadDeepDiveRecords.ReadAction));

        using var delete = new HttpRequestMessage(HttpMethod.Delete, recordUrl);
        delete.Headers.IfMatch.Add(new EntityTagHeaderValue("\"2\""));
        Assert.AreEqual(HttpStatusCode.NoContent, (await _world.Analyst.SendAsync(delete)).StatusCode);
        await ProblemAssert.IsProblemAsync(await _world.Analyst.GetAsync(Url("/records?institutionId=nope")), HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> SuggestAsync(int size, int? seed)
    {
        var response = await _world.Analyst.PostAsJsonAsync(Url("/suggestions"), new { size, seed });
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Ids(JsonElement suggestion) =>
        string.Join(",", suggestion.GetProperty("institutions").EnumerateArray().Select(i => i.GetProperty("institutionId").GetString()));

    private static Task<HttpResponseMessage> PutAsync(string url, string ifMatch, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _world.Analyst.SendAsync(request);
    }
}
