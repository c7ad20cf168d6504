using System.Diagnostics;
using System.Net;
using Audit.Data.Connections;
using Audit.Drills.Aggregation;
using Dapper;

namespace Audit.Drills.ScaleOut;

/// <summary>
/// Issue 21 §5: on PostgreSQL, two web processes (<c>--role web</c>) behind a round-robin proxy and two worker
/// processes (<c>--role worker</c>) sharing the database and Hangfire's job store. Proves that a session and its
/// antiforgery token cross web processes, that accepts spread over both give one current view per sector and one mail
/// per review, that a worker killed with SIGKILL mid-recompute leaves the work to the other with the same result as a
/// clean recompute, and that the jobs dashboard lists both workers. Every wait has a deadline; nothing is retried.
/// </summary>
public sealed class ScaleOutDrill : IDrill
{
    private const string RoundId = "drill-scaleout";
    private const string BigRoundId = "drill-scaleout-big";
    /// <summary>Each accepted twice at once: 200 accepts.</summary>
    private const int Institutions = 100;
    /// <summary>Large enough that a full sweep over its sectors takes seconds on a loaded 2-core machine.</summary>
    private const int BigInstitutions = 600;
    private static readonly string[] Types = ["overig", "hogeschool", "universiteit"];
    private static readonly string[] Shared = ["--Audit:SweepIntervalSeconds", "2", "--Audit:Pages:TokenSignIn", "true",
        "--Audit:PublicBaseUrl", "https://audit.drill.example"];

    public string Name => "scale-out";

    public string Description => "two web and two worker processes on PostgreSQL behind a round-robin proxy";

    public async Task<string> RunAsync(DrillSettings settings, DrillLog log)
    {
        if (DrillDatabase.PostgresAdmin is null)
        {
            return "skipped: AUDIT_TEST_POSTGRES is not set";
        }
        var work = settings.WorkDir(Name);
        var watch = Stopwatch.StartNew();
        await using var database = await DrillDatabase.CreateAsync(DatabaseProvider.Postgres, work);
        var services = new List<ServiceProcess>();
        try
        {
            // All four start at once on the empty database (the migrator's lock and the idempotent seeding make that
            // safe); the accepts' round is set up on the first web process as soon as it is ready.
            var starting = new[] { "web", "web", "worker", "worker" }.Select(role => StartAsync(settings, database, work, role, services)).ToArray();
            var preparing = PrepareRoundAsync(settings, database, starting[0]);
            var up = await Task.WhenAll(starting).ContinueWith(_ => watch.Elapsed, TaskScheduler.Default);
            await Task.WhenAll([.. starting, preparing]);
            var (web1, web2, worker1, worker2) = (starting[0].Result, starting[1].Result, starting[2].Result, starting[3].Result);
            await using var proxy = await RoundRobinProxy.StartAsync([web1, web2]);
            log.Line($"web {web1.Pid} and {web2.Pid}, workers {worker1.Pid} and {worker2.Pid}: ready {up.TotalSeconds:0.0} s after the start; " +
                $"{preparing.Result.Count} participations (one contact each) submitted on web 1 meanwhile, done at {watch.Elapsed.TotalSeconds:0.0} s; proxy {proxy.BaseAddress}");

            using var browser = new BrowserClient();
            await SessionCrossesWebProcessesAsync(browser, database, web1, web2, log);
            await DashboardListsBothWorkersAsync(browser, proxy, [worker1, worker2], [web1, web2], log);
            await RevocationCheck.RunAsync(web1, web2, log);
            await AcceptsOverBothWebProcessesAsync(database, proxy, preparing.Result, log);
            await WorkerKilledMidRecomputeAsync(settings, database, worker1, worker2, log);
            foreach (var service in services.Where(s => s.HasExited && !s.KillRequested))
            {
                throw new DrillFailure($"Process {service.Pid} exited by itself:" + Environment.NewLine + service.Tail());
            }
            return $"passed in {watch.Elapsed.TotalSeconds:0.0} s";
        }
        finally
        {
            // Every exit path: no child outlives the drill (the database is dropped with FORCE after this).
            await Task.WhenAll(services.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    private static async Task<ServiceProcess> StartAsync(DrillSettings settings, DrillDatabase database, string work, string role, List<ServiceProcess> services)
    {
        // The drill database's 3 s connect timeout is for the outage drill's fast failure; four processes loading
        // Npgsql's type catalogue at once on a loaded 2-core machine took longer. The later argument wins.
        var patient = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Timeout = 15, CommandTimeout = 30 }.ToString();
        var service = await ServiceProcess.StartAsync(settings, database, work,
            ["--role", role, "--Database:ConnectionString", patient, .. Shared], TimeSpan.FromSeconds(60));
        lock (services)
        {
            services.Add(service);
        }
        return service;
    }

    /// <summary>
    /// Signs in with the sign-in form fetched from web 1 and posted to web 2, then fetches a bureau form from web 1 and
    /// posts it to web 2: both antiforgery tokens and the session cookie are made by one process and checked by the
    /// other, which works only if both use the data-protection keys in the database. A tampered token must still be 400.
    /// </summary>
    private static async Task SessionCrossesWebProcessesAsync(BrowserClient browser, DrillDatabase database, ServiceProcess web1, ServiceProcess web2, DrillLog log)
    {
        var signIn = await browser.GetAsync(web1.BaseAddress, "/aanmelden");
        Expect(signIn.Status, "GET /aanmelden on web 1", HttpStatusCode.OK);
        var signedIn = await browser.PostFormAsync(web2.BaseAddress, "/aanmelden",
            [new("__RequestVerificationToken", BrowserClient.FormToken(signIn.Body, "/aanmelden")), new("token", ServiceProcess.AdminToken)]);
        Expect(signedIn.Status, "POST /aanmelden on web 2 with web 1's form", HttpStatusCode.Redirect, HttpStatusCode.SeeOther);
        if (!browser.Cookies.Keys.Any(k => k.Contains("audit_session", StringComparison.Ordinal)))
        {
            throw new DrillFailure("Signing in on web 2 set no session cookie.");
        }

        const string FormPath = "/bureau/instellingen/nieuw";
        var form = await browser.GetAsync(web1.BaseAddress, FormPath);
        Expect(form.Status, $"GET {FormPath} on web 1 with the session from web 2", HttpStatusCode.OK);
        var token = BrowserClient.FormToken(form.Body, FormPath);
        KeyValuePair<string, string>[] Fields(string antiforgery) =>
        [
            new("__RequestVerificationToken", antiforgery), new("id", "drill-scaleout-form"), new("naam", "Drill scale-out form"),
            new("type", "overig"), new("plaats", "Utrecht"), new("brin", ""),
        ];
        var tampered = await browser.PostFormAsync(web2.BaseAddress, FormPath, Fields(token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA")));
        Expect(tampered.Status, $"POST {FormPath} on web 2 with a tampered token", HttpStatusCode.BadRequest);
        var posted = await browser.PostFormAsync(web2.BaseAddress, FormPath, Fields(token));
        Expect(posted.Status, $"POST {FormPath} on web 2 with web 1's form", HttpStatusCode.Redirect, HttpStatusCode.SeeOther);
        var shown = await browser.GetAsync(web1.BaseAddress, "/bureau/instellingen/drill-scaleout-form");
        Expect(shown.Status, "GET the new institution's page on web 1", HttpStatusCode.OK);
        await using var connection = await database.Factory.OpenAsync();
        var keys = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys");
        log.Line($"session: signed in with web 1's form on web 2; {FormPath} from web 1 posted to web 2: {(int)posted.Status}; " +
            $"a tampered token: 400; {keys} data-protection key(s) in the database");
    }

    /// <summary>The Hangfire dashboard, through the proxy with the admin's session, lists the two worker processes and no web process.</summary>
    private static async Task DashboardListsBothWorkersAsync(
        BrowserClient browser, RoundRobinProxy proxy, ServiceProcess[] workers, ServiceProcess[] webs, DrillLog log)
    {
        var deadline = Stopwatch.StartNew();
        var last = "";
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            var page = await browser.GetAsync(proxy.BaseAddress, "/jobs/servers");
            Expect(page.Status, "GET /jobs/servers through the proxy as admin", HttpStatusCode.OK);
            last = page.Body;
            if (workers.All(w => last.Contains($":{w.Pid}:", StringComparison.Ordinal)))
            {
                if (webs.FirstOrDefault(w => last.Contains($":{w.Pid}:", StringComparison.Ordinal)) is { } web)
                {
                    throw new DrillFailure($"The dashboard lists web process {web.Pid} as a job server; --role web must not run jobs.");
                }
                log.Line($"/jobs/servers lists both workers ({string.Join(", ", workers.Select(w => w.Pid))}) and no web process, after {deadline.Elapsed.TotalSeconds:0.0} s");
                proxy.TakeCounts();
                return;
            }
            await Task.Delay(250);
        }
        throw new DrillFailure($"/jobs/servers did not list both workers within 20 s; it names: " +
            string.Join(", ", System.Text.RegularExpressions.Regex.Matches(last, @"[\w.-]+:\d+").Select(m => m.Value).Distinct().Take(10)));
    }

    /// <summary>
    /// The accepts' round: institutions with one contact each (straight into the tables, in one transaction: the drill is
    /// about the accepts, and 200 API calls beside four starting processes took half a minute), invited through web 1's
    /// API, partly answered and submitted through the repositories.
    /// </summary>
    private static async Task<Dictionary<string, string>> PrepareRoundAsync(DrillSettings settings, DrillDatabase database, Task<ServiceProcess> web1)
    {
        using var admin = (await web1).Client();
        var now = DateTimeOffset.UtcNow;
        var rows = Enumerable.Range(1, Institutions).Select(i => new
        {
            Id = $"drill-so-{i}", Name = $"Drill scale-out {i}", Type = Types[i % Types.Length], UserId = $"u_drill_so_{i}", Email = $"drill-so-{i}@drill.example", Now = now,
        }).ToList();
        await using (var connection = await database.Factory.OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO institutions (id, name, type, city, active, created_at, updated_at) " +
                "VALUES (@Id, @Name, @Type, 'Utrecht', true, @Now, @Now)", rows, transaction);
            await connection.ExecuteAsync("INSERT INTO users (id, name, email, role, institution_id, active, created_at) " +
                "VALUES (@UserId, @Name, @Email, 'respondent', @Id, true, @Now)", rows, transaction);
            await transaction.CommitAsync();
        }
        var participations = await DrillApi.OpenRoundAsync(admin, RoundId, new { institutionIds = rows.Select(r => r.Id).ToArray() });
        // A dozen answers each: the views have numbers to compare, and the set-up stays short.
        await new SectorData(database.Factory).SubmitAsync(participations.Values, settings.Seed, answersEach: 12);
        return participations;
    }

    /// <summary>
    /// 100 submitted participations, each accepted twice at the same moment through the proxy (200 accepts, mostly a
    /// pair on both web processes at once): exactly one accept each must win, every sector must end with one current view equal to a
    /// clean recompute, and the outbox must hold exactly one review mail per participation and contact.
    /// </summary>
    private static async Task AcceptsOverBothWebProcessesAsync(DrillDatabase database, RoundRobinProxy proxy, Dictionary<string, string> participations, DrillLog log)
    {
        var watch = Stopwatch.StartNew();
        using var admin = new HttpClient { BaseAddress = proxy.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ServiceProcess.AdminToken);
        var data = new SectorData(database.Factory);
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<(string Participation, HttpStatusCode Status)>();
        await Parallel.ForEachAsync(participations.Values, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (participationId, _) =>
        {
            async Task AcceptAsync()
            {
                using var response = await admin.PostAsync($"/api/v1/participations/{participationId}/reviews",
                    System.Net.Http.Json.JsonContent.Create(new { decision = "accept", remarks = Array.Empty<object>() }));
                outcomes.Add((participationId, response.StatusCode));
            }
            await Task.WhenAll(AcceptAsync(), AcceptAsync());
        });
        var served = proxy.TakeCounts();
        var wrong = outcomes.GroupBy(o => o.Participation)
            .Where(g => g.Count(o => o.Status == HttpStatusCode.OK) != 1 || g.Count(o => o.Status == HttpStatusCode.Conflict) != 1)
            .Select(g => $"{g.Key}: {string.Join("/", g.Select(o => (int)o.Status))}").ToList();
        if (wrong.Count > 0)
        {
            throw new DrillFailure($"{wrong.Count} participations did not get exactly one 200 and one 409 from two concurrent accepts: {string.Join("; ", wrong.Take(5))}");
        }
        if (served.Count != 2 || served.Values.Min() < outcomes.Count / 4)
        {
            throw new DrillFailure($"The proxy did not spread the accepts over both web processes: {Describe(served)}");
        }
        log.Line($"{outcomes.Count} accepts ({Describe(served)}) in {watch.Elapsed.TotalSeconds:0.0} s: one 200 and one 409 per participation");

        watch.Restart();
        await ScaleOutChecks.WaitUntilCleanAsync(data, database, RoundId, TimeSpan.FromSeconds(45));
        log.Line($"no sector dirty and no recompute pending {watch.Elapsed.TotalSeconds:0.0} s after the last accept");
        var views = await ScaleOutChecks.CurrentViewsEqualCleanAsync(database, data, RoundId, Types);
        log.Line(views);
        var mail = await ScaleOutChecks.OneReviewMailEachAsync(database, participations.Values.ToList());
        log.Line(mail);
    }

    /// <summary>
    /// A round of <see cref="BigInstitutions"/> accepted institutions appears at once (bulk-written, every sector dirty);
    /// the first worker to start sweeping it is killed with SIGKILL as soon as it says so. The kill must land before
    /// that sweep finished (sectors still dirty), the other worker must finish the work, and every sector's current
    /// view must equal a clean recompute.
    /// </summary>
    private static async Task WorkerKilledMidRecomputeAsync(DrillSettings settings, DrillDatabase database, ServiceProcess worker1, ServiceProcess worker2, DrillLog log)
    {
        var data = new SectorData(database.Factory);
        var questionnaire = await data.QuestionnaireAsync();
        var marks = (worker1.OutputMark, worker2.OutputMark);
        var watch = Stopwatch.StartNew();
        var generated = await new Audit.Data.Bulk.SyntheticRoundGenerator(database.Factory).GenerateAsync(
            new Audit.Data.Bulk.GenerationRequest(BigInstitutions, settings.Seed, BigRoundId), questionnaire);
        log.Line($"generated {generated.Participations} accepted participations in {generated.PerType.Count} sectors in {watch.Elapsed.TotalSeconds:0.0} s");

        watch.Restart();
        ServiceProcess? victim = null;
        while (victim is null && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            victim = worker1.SawOutputSince(marks.Item1, "Sector sweep started") ? worker1
                : worker2.SawOutputSince(marks.Item2, "Sector sweep started") ? worker2 : null;
            if (victim is null)
            {
                await Task.Delay(5);
            }
        }
        if (victim is null)
        {
            throw new DrillFailure("No worker started sweeping the new round within 20 s.");
        }
        var survivor = victim == worker1 ? worker2 : worker1;
        var victimMark = victim == worker1 ? marks.Item1 : marks.Item2;
        victim.KillHard();
        var finishedBeforeKill = victim.SawOutputSince(victimMark, "Sector sweep finished");
        var sectorsBeforeKill = victim.CountOutputSince(victimMark, $"Sector view {BigRoundId}/");
        var dirtyAfterKill = (await data.DirtyAsync()).Count(m => m.RoundId == BigRoundId);
        log.Line($"worker {victim.Pid} killed {watch.Elapsed.TotalMilliseconds:0} ms after the round appeared, its sweep " +
            $"{(finishedBeforeKill ? "finished" : "unfinished")} with {sectorsBeforeKill} sector(s) recomputed; " +
            $"{dirtyAfterKill} of {generated.PerType.Count} sectors still dirty");
        if (finishedBeforeKill || dirtyAfterKill == 0)
        {
            throw new DrillFailure($"The kill came after the sweep had finished; raise {nameof(BigInstitutions)} so that a sweep takes longer.");
        }

        var survivorMark = survivor.OutputMark;
        try
        {
            await ScaleOutChecks.WaitUntilCleanAsync(data, database, BigRoundId, TimeSpan.FromSeconds(45));
        }
        catch (DrillFailure failure)
        {
            throw new DrillFailure(failure.Message + Environment.NewLine + $"worker {survivor.Pid}:" + Environment.NewLine + survivor.Tail(15));
        }
        var cleared = watch.Elapsed;
        if (!survivor.SawOutputSince(survivorMark, $"Sector view {BigRoundId}/"))
        {
            throw new DrillFailure($"The sectors were cleared, but worker {survivor.Pid} logged no recompute of {BigRoundId} after the kill.");
        }
        var views = await ScaleOutChecks.CurrentViewsEqualCleanAsync(database, data, BigRoundId,
            [.. generated.PerType.Keys.Select(t => Audit.Core.Institutions.InstitutionTypes.ToWireName(t))]);
        log.Line($"worker {survivor.Pid} finished the round: no sector dirty {cleared.TotalSeconds:0.0} s after the round appeared; {views}");
    }

    private static string Describe(IReadOnlyDictionary<string, int> served) =>
        string.Join(", ", served.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"));

    private static void Expect(HttpStatusCode status, string what, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(status))
        {
            throw new DrillFailure($"{what}: {(int)status}, expected {string.Join(" or ", expected.Select(e => (int)e))}.");
        }
    }
}
