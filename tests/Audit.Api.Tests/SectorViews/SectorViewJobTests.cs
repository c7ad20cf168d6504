using Audit.TestSupport;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.SectorViews;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Core.Institutions;
using Audit.Core.SectorViews;
using Microsoft.Extensions.DependencyInjection;
using Audit.Application.Questionnaires;
using Audit.Application.SectorViews;

namespace Audit.Api.Tests.SectorViews;

[TestClass]
public sealed class SectorViewJobTests
{
    private static async Task<(AuditApp App, HttpClient Admin, CollectionDriver Driver)> StartAsync()
    {
        var app = new AuditApp();
        var admin = await app.ClientForAsync(Role.Admin);
        return (app, admin, new CollectionDriver(app, admin));
    }

    private static readonly HashSet<string> Umcs = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "templates", "registry", "institutions.csv"))
        .Select(l => l.Split(';')).Where(f => f.Length > 2 && f[2] == "umc").Select(f => f[0]).ToHashSet();

    private static bool IsUmc(string institutionId) => Umcs.Contains(institutionId);

    [TestMethod]
    public async Task The_sweep_recomputes_only_the_dirty_sector_and_clears_its_mark()
    {
        var (app, admin, driver) = await StartAsync();
        await using var _ = app;
        var participations = await driver.OpenRoundAsync("r1", "universiteit", "umc");
        var seed = 0;
        foreach (var id in participations.Where(p => p.Key != "umc" && !IsUmc(p.Key)).Select(p => p.Value).Take(6))
        {
            await driver.AcceptAsync(id, ++seed);
        }
        var views = app.Services.GetRequiredService<ISectorViewRepository>();

        Assert.AreEqual(1, await app.Services.GetRequiredService<SectorSweepJob>().RunAsync(CancellationToken.None));

        Assert.AreEqual(1, await views.CountVersionsAsync("r1", "universiteit"));
        Assert.AreEqual(0, await views.CountVersionsAsync("r1", "umc"), "a sector without accepts is untouched");
        Assert.IsEmpty(await app.Services.GetRequiredService<ISectorDirtyRepository>().ListAsync());
        var internalView = await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r1/sector-views/universiteit");
        Assert.AreEqual("internal", internalView.GetProperty("view").GetString());
        Assert.AreEqual(6, internalView.GetProperty("included").GetInt32());
        Assert.AreEqual(14, internalView.GetProperty("response").GetProperty("invited").GetInt32());
    }

    [TestMethod]
    public async Task Running_the_job_twice_or_concurrently_keeps_one_version()
    {
        var (app, admin, driver) = await StartAsync();
        await using var _ = app;
        var participations = await driver.OpenRoundAsync("r2", "universiteit");
        await driver.AcceptAsync(participations["uva"], 7);
        var job = () => app.Services.GetRequiredService<SectorRecomputeJob>().RunAsync("r2", "universiteit", CancellationToken.None);

        await job();
        await job();
        await Task.WhenAll(job(), job(), job());

        Assert.AreEqual(1, await app.Services.GetRequiredService<ISectorViewRepository>().CountVersionsAsync("r2", "universiteit"));
    }

    [TestMethod]
    public async Task An_accept_in_another_sector_leaves_this_sectors_version_untouched()
    {
        var (app, admin, driver) = await StartAsync();
        await using var _ = app;
        var participations = await driver.OpenRoundAsync("r3", "universiteit", "umc");
        await driver.AcceptAsync(participations["uva"], 1);
        var sweep = app.Services.GetRequiredService<SectorSweepJob>();
        await sweep.RunAsync(CancellationToken.None);
        var views = app.Services.GetRequiredService<ISectorViewRepository>();
        var before = await views.GetCurrentAsync("r3", "universiteit");

        await driver.AcceptAsync(participations.First(p => IsUmc(p.Key)).Value, 2);
        await sweep.RunAsync(CancellationToken.None);

        var after = await views.GetCurrentAsync("r3", "universiteit");
        Assert.AreEqual(before!.Id, after!.Id);
        Assert.AreEqual(1, await views.CountVersionsAsync("r3", "umc"));
    }

    [TestMethod]
    public async Task A_recompute_after_one_more_accept_reads_only_the_newcomer_and_equals_a_clean_pass()
    {
        var (app, admin, driver) = await StartAsync();
        await using var _ = app;
        var participations = (await driver.OpenRoundAsync("r6", "universiteit")).Values.ToList();
        foreach (var (id, seed) in participations.Take(6).Select((id, i) => (id, i)))
        {
            await driver.AcceptAsync(id, seed);
        }
        var job = () => app.Services.GetRequiredService<SectorRecomputeJob>().RunAsync("r6", "universiteit", CancellationToken.None);
        await job();
        var views = app.Services.GetRequiredService<ISectorViewRepository>();
        var first = await views.GetCurrentAsync("r6", "universiteit");

        await driver.AcceptAsync(participations[6], 6);
        await job();

        var current = await views.GetCurrentAsync("r6", "universiteit");
        Assert.AreNotEqual(first!.Fingerprint, current!.Fingerprint);
        var stored = SectorViewJson.Deserialize(current.InternalJson);
        var clean = await CleanPassAsync(app, "r6", InstitutionType.Universiteit, stored.ComputedAt);
        Assert.AreEqual(7, stored.Included);
        Assert.AreEqual(clean.Fingerprint, stored.Fingerprint);
        Assert.AreEqual(JsonSerializer.Serialize(clean.Questions), JsonSerializer.Serialize(stored.Questions));
        Assert.AreEqual(JsonSerializer.Serialize(clean.Themes), JsonSerializer.Serialize(stored.Themes));
        Assert.AreEqual(7, stored.Response?.Accepted, "response counts are read anew, not kept");
    }

    [TestMethod]
    public async Task A_recompute_after_only_a_response_count_changed_shows_the_new_count()
    {
        // The same accepted submissions, one more institution at work: the view derives from both, so the second
        // recompute must not be taken for "unchanged" and leave yesterday's response block current.
        var (app, admin, driver) = await StartAsync();
        await using var _ = app;
        var participations = (await driver.OpenRoundAsync("r8", "universiteit")).Values.ToList();
        await driver.AcceptAsync(participations[0], 1);
        var job = () => app.Services.GetRequiredService<SectorRecomputeJob>().RunAsync("r8", "universiteit", CancellationToken.None);
        await job();
        var views = app.Services.GetRequiredService<ISectorViewRepository>();
        var first = SectorViewJson.Deserialize((await views.GetCurrentAsync("r8", "universiteit"))!.InternalJson);

        var started = await app.Services.GetRequiredService<Core.Answers.IAnswerRepository>().SaveBatchAsync(participations[1],
            [new Core.Answers.AnswerWrite("governance.bestuurder", "\"yes\"")], new Core.AuditTrail.Actor("test-respondent", "respondent"), DateTimeOffset.UtcNow);
        Assert.IsTrue(started.Saved, started.Reason);
        await job();

        var current = SectorViewJson.Deserialize((await views.GetCurrentAsync("r8", "universiteit"))!.InternalJson);
        Assert.AreEqual(first.Response!.InProgress + 1, current.Response!.InProgress);
        Assert.AreNotEqual(first.Fingerprint, current.Fingerprint, "the fingerprint covers the response counts");
        Assert.AreEqual(2, await views.CountVersionsAsync("r8", "universiteit"));
    }

    [TestMethod]
    public async Task A_sweep_of_several_sectors_at_once_gives_each_the_view_of_a_clean_pass()
    {
        // The sweep recomputes sectors side by side (one per core): each must still end on its own correct view.
        var (app, admin, driver) = await StartAsync();
        await using var _ = app;
        var participations = await driver.OpenRoundAsync("r9", "universiteit", "hogeschool", "umc");
        var typeOf = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "templates", "registry", "institutions.csv"))
            .Select(l => l.Split(';')).Where(f => f.Length > 2).ToDictionary(f => f[0], f => f[2]);
        var byType = participations.GroupBy(p => typeOf[p.Key]).ToDictionary(g => g.Key, g => g.Select(p => p.Value).ToList());
        var seed = 0;
        foreach (var type in new[] { "universiteit", "hogeschool", "umc" })
        {
            foreach (var id in byType[type].Take(3))
            {
                await driver.AcceptAsync(id, ++seed);
            }
        }

        Assert.AreEqual(3, await app.Services.GetRequiredService<SectorSweepJob>().RunAsync(CancellationToken.None));

        Assert.IsEmpty(await app.Services.GetRequiredService<ISectorDirtyRepository>().ListAsync());
        var views = app.Services.GetRequiredService<ISectorViewRepository>();
        foreach (var type in new[] { InstitutionType.Universiteit, InstitutionType.Hogeschool, InstitutionType.Umc })
        {
            var stored = SectorViewJson.Deserialize((await views.GetCurrentAsync("r9", type.ToWireName()))!.InternalJson);
            var clean = await CleanPassAsync(app, "r9", type, stored.ComputedAt);
            Assert.AreEqual(3, stored.Included, type.ToWireName());
            Assert.AreEqual(clean.Fingerprint, stored.Fingerprint, type.ToWireName());
            Assert.AreEqual(JsonSerializer.Serialize(clean.Themes), JsonSerializer.Serialize(stored.Themes), type.ToWireName());
        }
    }

    /// <summary>The view computed from scratch with Core, without the job or its kept state.</summary>
    private static async Task<SectorView> CleanPassAsync(AuditApp app, string roundId, InstitutionType type, DateTimeOffset at)
    {
        var reader = app.Services.GetRequiredService<IIncludedAnswersReader>();
        var round = (await app.Services.GetRequiredService<Core.Rounds.IRoundRepository>().GetAsync(roundId))!.Round;
        var questionnaire = (await app.Services.GetRequiredService<QuestionnaireCatalog>()
            .GetAsync(round.Questionnaire.Key, round.Questionnaire.Version))!;
        var builder = new SectorViewBuilder(questionnaire, round.Disclosure,
            new SectorViewScope(roundId, type.ToWireName(), await reader.CountResponsesAsync(roundId, type), at));
        await foreach (var participation in reader.StreamAsync(roundId, type))
        {
            builder.Add(participation);
        }
        return builder.Build();
    }

    [TestMethod]
    public async Task A_scheduled_recompute_is_done_by_the_hangfire_server_without_a_manual_call()
    {
        var (app, admin, driver) = await StartAsync();
        await using var _ = app;
        var participations = await driver.OpenRoundAsync("r4", "universiteit");
        await driver.AcceptAsync(participations["uva"], 3);

        app.Services.GetRequiredService<ISectorRecomputeScheduler>().Enqueue("r4", InstitutionType.Universiteit);

        var views = app.Services.GetRequiredService<ISectorViewRepository>();
        await Eventually.UntilAsync(async () => await views.GetCurrentAsync("r4", "universiteit") is not null, "the job stored the view");
        Assert.IsNotNull(await views.GetCurrentAsync("r4", "universiteit"));
    }

    [TestMethod]
    public async Task Before_publication_only_the_bureau_sees_views_and_the_ministry_never_gets_internal_numbers()
    {
        var (app, admin, driver) = await StartAsync();
        await using var _ = app;
        var participations = await driver.OpenRoundAsync("r5", "universiteit");
        foreach (var (id, seed) in participations.Values.Take(6).Select((id, i) => (id, i)))
        {
            await driver.AcceptAsync(id, seed);
        }
        await app.Services.GetRequiredService<SectorSweepJob>().RunAsync(CancellationToken.None);
        using var ministry = await app.ClientForAsync(Role.Ministry);
        using var respondent = await app.ClientForAsync(Role.Respondent, "uva");

        await ProblemAssert.IsProblemAsync(await ministry.GetAsync("/api/v1/rounds/r5/sector-views/universiteit"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await respondent.GetAsync("/api/v1/rounds/r5/sector-views/universiteit"), HttpStatusCode.NotFound);
        await SectorFindings.ApprovedFindings.EnsureAsync(app.Services, "r5");
        foreach (var status in new[] { "closed", "published" })
        {
            Assert.AreEqual(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/rounds/r5/status-changes", new { status })).StatusCode);
        }

        var published = await ministry.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r5/sector-views/universiteit?view=internal");
        Assert.AreEqual("published", published.GetProperty("view").GetString(), "the ministry cannot ask for the internal view");
        Assert.DoesNotContain("\"min\":", published.GetRawText());
        Assert.AreEqual("published", (await respondent.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r5/sector-views/universiteit")).GetProperty("view").GetString());
        await ProblemAssert.IsProblemAsync(await respondent.GetAsync("/api/v1/rounds/r5/sector-views/umc"), HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task The_list_of_views_gives_only_the_bureau_the_internal_count_of_a_suppressed_view()
    {
        var (app, admin, driver) = await StartAsync();
        await using var _ = app;
        var participations = await driver.OpenRoundAsync("r6", "universiteit");
        // Two accepts: below any minimum group size, so the view is withheld as group_too_small.
        foreach (var (id, seed) in participations.Values.Take(2).Select((id, i) => (id, i)))
        {
            await driver.AcceptAsync(id, seed);
        }
        await app.Services.GetRequiredService<SectorSweepJob>().RunAsync(CancellationToken.None);
        foreach (var status in new[] { "closed", "published" })
        {
            Assert.AreEqual(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/rounds/r6/status-changes", new { status })).StatusCode);
        }
        using var ministry = await app.ClientForAsync(Role.Ministry);
        using var respondent = await app.ClientForAsync(Role.Respondent, "uva");

        var bureauItem = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r6/sector-views")).GetProperty("items").EnumerateArray().Single();
        Assert.IsTrue(bureauItem.GetProperty("suppressed").GetBoolean());
        Assert.AreEqual(2, bureauItem.GetProperty("included").GetInt32());
        var publishedView = await ministry.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r6/sector-views/universiteit");
        Assert.AreEqual(JsonValueKind.Null, publishedView.GetProperty("included").ValueKind);
        foreach (var client in new[] { ministry, respondent })
        {
            var item = (await client.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r6/sector-views")).GetProperty("items").EnumerateArray().Single();
            Assert.IsTrue(item.GetProperty("suppressed").GetBoolean());
            Assert.AreEqual(JsonValueKind.Null, item.GetProperty("included").ValueKind, "the list says no more than the published view");
        }
    }
}
