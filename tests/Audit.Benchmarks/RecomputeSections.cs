using System.Diagnostics;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Data.SectorViews;
using Dapper;

namespace Audit.Benchmarks;

/// <summary>
/// Where a full recompute spends its time, in cumulative sections over the same round (medians): the stream query
/// read raw, then through the reader (JSON parse + submission hash), then folded into the builder, then the whole job.
/// </summary>
internal static class RecomputeSections
{
    public static async Task RunAsync(BenchOptions options)
    {
        var n = options.Sizes(5000)[0];
        var runs = options.Int("runs", 3);
        await using var db = await BenchDatabase.CreateAsync(options.Postgres);
        var generated = await RecomputeBench.GenerateAsync(db, n, options.Int("seed", 42));
        var types = generated.PerType.Keys.ToList();
        var reader = new IncludedAnswersReader(db.Factory);
        var sql = new IncludedAnswersSql(db.Factory.Dialect).Stream;
        var sections = new (string Name, Func<InstitutionType, Task> Run)[]
        {
            ("stream query, raw reader", async type =>
            {
                await using var connection = await db.Factory.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = sql.Replace("@roundId", "'" + generated.RoundId + "'", StringComparison.Ordinal)
                    .Replace("@type", "'" + type.ToWireName() + "'", StringComparison.Ordinal).Replace("@accepted", "'accepted'", StringComparison.Ordinal);
                await using var rows = await command.ExecuteReaderAsync();
                long chars = 0;
                while (await rows.ReadAsync())
                {
                    chars += rows.GetString(0).Length + (rows.IsDBNull(3) ? 0 : rows.GetString(3).Length);
                }
                GC.KeepAlive(chars);
            }),
            ("+ reader: parse + submission hash", async type =>
            {
                await foreach (var participation in reader.StreamAsync(generated.RoundId, type))
                {
                    GC.KeepAlive(participation);
                }
            }),
            ("+ builder.Add (statistics)", async type =>
            {
                var scope = new SectorViewScope(generated.RoundId, type.ToWireName(), new(0, 0, 0, 0, 0), DateTimeOffset.UtcNow);
                var builder = new SectorViewBuilder(db.Questionnaire, DisclosureSettings.Default, scope);
                await foreach (var participation in reader.StreamAsync(generated.RoundId, type))
                {
                    builder.Add(participation);
                }
                GC.KeepAlive(builder.Build());
            }),
            ("whole job, full pass (+ counts, build, JSON, publish)", type => RecomputeBench.Job(db).RunAsync(generated.RoundId, type.ToWireName(), CancellationToken.None)),
        };
        Console.WriteLine($"recompute sections, N={n}, {generated.Answers} answers, median of {runs} (all types each)");
        foreach (var (name, run) in sections)
        {
            var times = new List<double>();
            var cpu = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var startCpu = Measure.CpuMs();
                var watch = Stopwatch.StartNew();
                foreach (var type in types)
                {
                    await run(type);
                }
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add(Measure.CpuMs() - startCpu);
            }
            Console.WriteLine($"  {name}: {Measure.Ms(Measure.Median(times))} (CPU {Measure.Ms(Measure.Median(cpu))})");
        }
    }
}
