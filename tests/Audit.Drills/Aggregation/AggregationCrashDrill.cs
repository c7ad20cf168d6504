using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Audit.Core.Institutions;
using Audit.Data.Connections;

namespace Audit.Drills.Aggregation;

/// <summary>
/// kill -9 while the sweep recomputes sector views. The previous current view must stay readable, the sweep
/// must finish the work after a restart, and the final view must equal a clean recompute (fingerprint and numbers).
/// </summary>
public sealed class AggregationCrashDrill : IDrill
{
    private const string RoundId = "drill-aggregation";
    private const int InstitutionsPerType = 500;
    private static readonly string[] Types = ["overig", "hogeschool", "universiteit"];
    private static readonly string[] FastSweep = ["--Audit:SweepIntervalSeconds", "2"];

    public string Name => "aggregation-crash";

    public string Description => "kill -9 the service while the sweep recomputes sector views (SQLite)";

    public async Task<string> RunAsync(DrillSettings settings, DrillLog log)
    {
        var work = settings.WorkDir(Name);
        var random = new Random(settings.Seed);
        await using var database = await DrillDatabase.CreateAsync(DatabaseProvider.Sqlite, work);
        var data = new SectorData(database.Factory);

        // Stage: many institutions, so a sector takes long enough to recompute that a kill can land inside it.
        List<string> participations;
        await using (var setup = await ServiceProcess.StartAsync(settings, database, work))
        {
            using var admin = setup.Client();
            await Parallel.ForEachAsync(Types.SelectMany(t => Enumerable.Range(1, InstitutionsPerType).Select(i => (t, i))),
                new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (x, _) => await DrillApi.PostAsync(admin, "/api/v1/institutions",
                    new { id = $"drill-{x.t}-{x.i}", name = $"Drill {x.t} {x.i}", type = x.t, city = "Utrecht" }));
            participations = [.. (await DrillApi.OpenRoundAsync(admin, RoundId, new { institutionTypes = Types })).Values.Order(StringComparer.Ordinal)];
            setup.KillHard();
        }
        var shuffled = participations.OrderBy(_ => random.Next()).ToList();
        var baseline = shuffled[..(shuffled.Count / 2)];
        var crashBatch = shuffled[(shuffled.Count / 2)..];
        var watch = Stopwatch.StartNew();
        await data.AcceptAsync(baseline, settings.Seed);
        log.Line($"{participations.Count} participations in {Types.Length} sectors; accepted {baseline.Count} in {watch.Elapsed.TotalSeconds:0.0} s");

        // The previous views: computed by an undisturbed sweep.
        TimeSpan sweepDuration;
        await using (var service = await ServiceProcess.StartAsync(settings, database, work, FastSweep))
        {
            sweepDuration = await SweepAsync(service, data, TimeSpan.FromSeconds(60));
            service.KillHard();
        }
        var previous = new Dictionary<string, string>();
        foreach (var type in Types)
        {
            previous[type] = (await data.CurrentAsync(RoundId, type))?.Fingerprint ?? throw new DrillFailure($"No view for {type} after the first sweep.");
        }
        log.Line($"previous views computed by a clean sweep in {sweepDuration.TotalMilliseconds:0} ms");

        await data.AcceptAsync(crashBatch, settings.Seed + 100_000);
        log.Line($"accepted {crashBatch.Count} more; dirty sectors: {(await data.DirtyAsync()).Count}");

        // The crash: kill -9 at a random moment inside the sweep, while readers keep reading the current views.
        var kills = 0;
        var hits = 0;
        for (var attempt = 1; attempt <= 5 && hits == 0; attempt++)
        {
            if (attempt > 1)
            {
                await new Audit.Data.SectorViews.SectorDirtyRepository(database.Factory).MarkAsync(
                    RoundId, [.. Types.Select(t => InstitutionTypes.TryParse(t, out var x) ? x : throw new DrillFailure(t))],
                    new Audit.Core.AuditTrail.Actor("drill", "admin"), DateTimeOffset.UtcNow);
            }
            var dirtyBefore = (await data.DirtyAsync()).Count;
            await using var service = await ServiceProcess.StartAsync(settings, database, work, FastSweep);
            using var reads = new ReadersWhileRunning(service, Types.Select(t => $"/api/v1/rounds/{RoundId}/sector-views/{t}").ToList());
            if (!await service.WaitForOutputAsync("Sector sweep started", TimeSpan.FromSeconds(30)))
            {
                throw new DrillFailure("The sweep did not start within 30 s:" + Environment.NewLine + service.Tail());
            }
            // Early in the sweep: the log line that says it started reaches this process late (the console logger
            // queues, the pipe buffers), and a delay up to 80 % of a clean sweep missed the whole sweep on a fast machine.
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * sweepDuration.TotalMilliseconds * 0.3);
            await Task.Delay(delay);
            var finished = service.SawOutput("Sector sweep finished");
            service.KillHard();
            kills++;
            var (ok, failed) = reads.Stop();
            var dirtyAfter = (await data.DirtyAsync()).Count;
            var hit = !finished && dirtyAfter > 0;
            hits += hit ? 1 : 0;
            log.Line($"kill {kills}: {delay.TotalMilliseconds:0} ms into the sweep; {dirtyBefore} dirty before, {dirtyAfter} after"
                + (hit ? " (killed mid-sweep)" : " (the sweep had finished)") + $"; reads while running: {ok} ok, {failed.Count} failed");
            if (failed.Count > 0)
            {
                throw new DrillFailure("A current view was not readable while the sweep ran: " + string.Join("; ", failed.Take(5)));
            }
            foreach (var type in Types)
            {
                var current = await data.CurrentAsync(RoundId, type) ?? throw new DrillFailure($"After the kill, {type} has no current view.");
                _ = current.InternalJson.Length; // it reads, whole
            }
        }
        if (hits == 0)
        {
            throw new DrillFailure($"None of {kills} kills landed inside the sweep; raise {nameof(InstitutionsPerType)}.");
        }

        // Restart: the sweep finishes the work; the result equals a clean recompute.
        await using (var service = await ServiceProcess.StartAsync(settings, database, work, FastSweep))
        {
            using var reads = new ReadersWhileRunning(service, Types.Select(t => $"/api/v1/rounds/{RoundId}/sector-views/{t}").ToList());
            var recovery = await SweepAsync(service, data, TimeSpan.FromSeconds(60));
            var (ok, failed) = reads.Stop();
            log.Line($"after restart the sweep finished in {recovery.TotalMilliseconds:0} ms; reads meanwhile: {ok} ok, {failed.Count} failed");
            if (failed.Count > 0)
            {
                throw new DrillFailure("A current view was not readable after the restart: " + string.Join("; ", failed.Take(5)));
            }
            service.KillHard();
        }
        foreach (var type in Types)
        {
            InstitutionTypes.TryParse(type, out var parsed);
            var stored = (await data.CurrentAsync(RoundId, type))!;
            var clean = await data.CleanRecomputeAsync(RoundId, parsed);
            if (stored.Fingerprint != clean.Fingerprint)
            {
                throw new DrillFailure($"{type}: the current view has fingerprint {stored.Fingerprint}, a clean recompute {clean.Fingerprint}.");
            }
            var cleanJson = System.Text.Encoding.UTF8.GetString(Audit.Core.SectorViews.SectorViewJson.Serialize(clean));
            if (SectorData.Numbers(stored.InternalJson) != SectorData.Numbers(cleanJson))
            {
                throw new DrillFailure($"{type}: same fingerprint, but the numbers differ from a clean recompute.");
            }
            if (stored.Fingerprint == previous[type])
            {
                throw new DrillFailure($"{type}: the view still has the fingerprint from before the crash batch.");
            }
            log.Line($"{type}: {stored.Included} included, fingerprint {stored.Fingerprint[..12]}… equals a clean recompute (numbers too)");
        }
        return $"passed ({kills} kill(s), {hits} inside the sweep)";
    }

    /// <summary>Waits until no sector is dirty and a sweep has finished; returns how long the sweep took.</summary>
    private static async Task<TimeSpan> SweepAsync(ServiceProcess service, SectorData data, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        if (!await service.WaitForOutputAsync("Sector sweep started", timeout))
        {
            throw new DrillFailure("No sweep started:" + Environment.NewLine + service.Tail());
        }
        var started = watch.Elapsed;
        if (!await service.WaitForOutputAsync("Sector sweep finished", timeout))
        {
            throw new DrillFailure("The sweep did not finish:" + Environment.NewLine + service.Tail());
        }
        var took = watch.Elapsed - started;
        while ((await data.DirtyAsync()).Count > 0)
        {
            if (watch.Elapsed > timeout)
            {
                throw new DrillFailure("Sectors stayed dirty after the sweeps:" + Environment.NewLine + service.Tail());
            }
            await Task.Delay(200);
        }
        return took;
    }

    /// <summary>Admin readers polling the current views until stopped; any answer but 200 is a failure.</summary>
    private sealed class ReadersWhileRunning : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentBag<string> _failed = [];
        private readonly Task _loop;
        private int _ok;

        public ReadersWhileRunning(ServiceProcess service, IReadOnlyList<string> paths)
        {
            var client = service.Client(timeout: TimeSpan.FromSeconds(10));
            _loop = Task.Run(async () =>
            {
                using (client)
                {
                    for (var i = 0; !_stop.IsCancellationRequested; i++)
                    {
                        try
                        {
                            using var response = await client.GetAsync(paths[i % paths.Count], _stop.Token);
                            if (response.StatusCode == HttpStatusCode.OK)
                            {
                                Interlocked.Increment(ref _ok);
                            }
                            else
                            {
                                _failed.Add($"{paths[i % paths.Count]}: {(int)response.StatusCode}");
                            }
                        }
                        catch (Exception) when (_stop.IsCancellationRequested || service.KillRequested)
                        {
                            return; // the kill, not the service, ended this read
                        }
                        catch (HttpRequestException ex)
                        {
                            _failed.Add($"{paths[i % paths.Count]}: {ex.Message}");
                        }
                        await Task.Delay(20);
                    }
                }
            });
        }

        public (int Ok, IReadOnlyCollection<string> Failed) Stop()
        {
            _stop.Cancel();
            try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { /* cancelled */ }
            return (_ok, _failed);
        }

        public void Dispose()
        {
            Stop();
            _stop.Dispose();
        }
    }
}
