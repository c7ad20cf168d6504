using System.Diagnostics;
using Audit.Data.Connections;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Audit.Benchmarks;

/// <summary>
/// Why are concurrent SQLite writers slow? Three measurements on a temp file, each isolating one suspect:
/// (1) how long SQLite's busy handler sleeps when a lock frees after 30 ms (about 30 ms with usleep, 1 s without);
/// (2) the cost of one committed insert under synchronous=FULL and NORMAL (the fsync per commit);
/// (3) C concurrent writers doing BEGIN IMMEDIATE, one read, one insert, COMMIT, either waiting in SQLite's busy
/// handler (which blocks a thread-pool thread) or queued on an async in-process gate first.
/// </summary>
internal static class SqliteLockProbe
{
    public static async Task RunAsync(BenchOptions options)
    {
        var seconds = options.Int("seconds", 5);
        var clients = options.Int("clients", 64);
        var file = Path.Combine(Path.GetTempPath(), "audit-lockprobe-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        try
        {
            var factory = new DbConnectionFactory(DatabaseProvider.Sqlite, $"Data Source={file}");
            await using (var setup = await factory.OpenAsync())
            {
                await setup.ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER NOT NULL, body TEXT NOT NULL)");
                Console.WriteLine($"sqlite {await setup.ExecuteScalarAsync<string>("SELECT sqlite_version()")}, journal_mode " +
                    $"{await setup.ExecuteScalarAsync<string>("PRAGMA journal_mode")}, synchronous {await setup.ExecuteScalarAsync<long>("PRAGMA synchronous")} (2 = FULL)");
            }
            Console.WriteLine($"(1) busy handler: lock held 30 ms, the waiter got it after {Measure.Ms(await BusyWaitAsync(factory))}");
            foreach (var sync in new[] { "FULL", "NORMAL" })
            {
                Console.WriteLine($"(2) synchronous={sync}: one committed insert takes {Measure.Ms(await CommitCostAsync(factory, sync))} (median of 200)");
            }
            foreach (var sync in new[] { "FULL", "NORMAL" })
            {
                foreach (var gated in new[] { false, true })
                {
                    var (rps, p50, p99) = await WritersAsync(factory, sync, gated, clients, seconds);
                    Console.WriteLine($"(3) {clients} writers, synchronous={sync}, {(gated ? "async gate + BEGIN IMMEDIATE" : "BEGIN IMMEDIATE + busy handler")}: " +
                        $"{Measure.F(rps)} tx/s, p50 {Measure.Ms(p50)}, p99 {Measure.Ms(p99)}, threads {ThreadPool.ThreadCount}");
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static async Task<double> BusyWaitAsync(DbConnectionFactory factory)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            await using var holder = await factory.OpenAsync();
            await holder.ExecuteAsync("BEGIN IMMEDIATE");
            var clock = Stopwatch.StartNew();
            var waiter = Task.Run(async () =>
            {
                await using var connection = await factory.OpenAsync();
                await connection.ExecuteAsync("BEGIN IMMEDIATE; COMMIT");
                return clock.Elapsed.TotalMilliseconds;
            });
            await Task.Delay(30);
            await holder.ExecuteAsync("COMMIT");
            times.Add(await waiter);
        }
        return Measure.Median(times);
    }

    private static async Task<double> CommitCostAsync(DbConnectionFactory factory, string sync)
    {
        await using var connection = await factory.OpenAsync();
        await connection.ExecuteAsync($"PRAGMA synchronous = {sync}");
        var times = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await connection.ExecuteAsync("INSERT INTO t (k, body) VALUES (@i, 'x')", new { i });
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return Measure.Median(times);
    }

    private static async Task<(double Rps, double P50, double P99)> WritersAsync(
        DbConnectionFactory factory, string sync, bool gated, int clients, int seconds)
    {
        var gate = new SemaphoreSlim(1, 1);
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var latencies = new List<double>[clients];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var start = Stopwatch.GetTimestamp();
                await using var connection = await factory.OpenAsync();
                await connection.ExecuteAsync($"PRAGMA synchronous = {sync}");
                if (gated)
                {
                    await gate.WaitAsync();
                }
                try
                {
                    await using var transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
                    _ = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t WHERE k = @c", new { c }, transaction);
                    await connection.ExecuteAsync("INSERT INTO t (k, body) VALUES (@c, 'autosave')", new { c }, transaction);
                    await transaction.CommitAsync();
                }
                finally
                {
                    if (gated)
                    {
                        gate.Release();
                    }
                }
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / watch.Elapsed.TotalSeconds, Measure.Percentile(all, 50), Measure.Percentile(all, 99));
    }
}
