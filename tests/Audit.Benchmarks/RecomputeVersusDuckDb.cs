using Audit.Core.Institutions;
using Audit.Core.SectorViews;
using Audit.Data.SectorViews;

namespace Audit.Benchmarks;

/// <summary>
/// Full recompute of every sector view of an N-institution round against DuckDB computing the same statistics from
/// the same included answers (<see cref="DuckDbReference"/>). Every figure is compared: one difference fails the bench.
/// </summary>
internal static class RecomputeVersusDuckDb
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var runs = options.Int("runs", 3);
        Console.WriteLine($"full recompute: median of {runs} runs per size; reference = DuckDB in memory, 2 threads, the same statistics in SQL (load not timed)");
        Console.WriteLine("N | answers | recompute | DuckDB | ratio (target <= 2.0) | figures compared | differences | peak managed (recompute) | " +
            "CPU recompute | CPU DuckDB | CPU ratio");
        var failed = false;
        foreach (var n in options.Sizes(500, 5000, 20000))
        {
            await using var db = await BenchDatabase.CreateAsync(options.Postgres);
            var generated = await RecomputeBench.GenerateAsync(db, n, options.Int("seed", 42));
            var types = generated.PerType.Keys.ToList();
            using var duck = await DuckDbReference.LoadAsync(db, generated.RoundId, types);
            var recompute = new List<double>();
            var reference = new List<double>();
            var peaks = new List<double>();
            var recomputeCpu = new List<double>();
            var referenceCpu = new List<double>();
            Dictionary<string, decimal> expected = [];
            for (var run = 0; run < runs; run++)
            {
                var job = RecomputeBench.Job(db); // a fresh job cache: every run is a full pass, as after a restart
                var cpu = Measure.CpuMs();
                // The product's path for a round's sectors: as many at once as there are cores, as DuckDB uses them.
                var (elapsed, peak) = await Measure.TimedAsync(() =>
                    job.RunManyAsync([.. types.Select(type => (generated.RoundId, type))], CancellationToken.None));
                recomputeCpu.Add(Measure.CpuMs() - cpu);
                recompute.Add(elapsed.TotalMilliseconds);
                peaks.Add(peak);
                GC.Collect();
                cpu = Measure.CpuMs();
                var (duckMs, figures) = duck.Run();
                referenceCpu.Add(Measure.CpuMs() - cpu);
                reference.Add(duckMs);
                expected = figures;
            }
            var views = new SectorViewRepository(db.Factory);
            var stored = new List<SectorView>();
            foreach (var type in types)
            {
                stored.Add(SectorViewJson.Deserialize((await views.GetCurrentAsync(generated.RoundId, type.ToWireName()))!.InternalJson));
            }
            var service = DuckDbReference.Figures(stored);
            var differences = DuckDbReference.Differences(service, expected);
            var r = Measure.Median(recompute);
            var s = Measure.Median(reference);
            Console.WriteLine($"{n} | {generated.Answers} | {Measure.Ms(r)} | {Measure.Ms(s)} | {Measure.F(r / s, "F2")} | " +
                $"{service.Count} | {differences.Count} | {Measure.Mb(Measure.Median(peaks))} | " +
                $"{Measure.Ms(Measure.Median(recomputeCpu))} | {Measure.Ms(Measure.Median(referenceCpu))} | {Measure.F(Measure.Median(recomputeCpu) / Measure.Median(referenceCpu), "F2")}");
            Console.WriteLine($"  runs (ms): recompute {string.Join(", ", recompute.Select(x => Measure.F(x)))}; DuckDB {string.Join(", ", reference.Select(x => Measure.F(x)))}; " +
                $"ratios {string.Join(", ", recompute.Zip(reference, (a, b) => Measure.F(a / b, "F2")))}");
            foreach (var difference in differences.Take(20))
            {
                Console.WriteLine("  DIFFERENT " + difference);
            }
            failed |= differences.Count > 0;
        }
        if (failed)
        {
            Console.WriteLine("FAILED: the service's statistics differ from DuckDB's.");
        }
        return failed ? 1 : 0;
    }
}
