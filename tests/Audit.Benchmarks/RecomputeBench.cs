using Audit.Api.Questionnaires;
using Audit.Api.SectorViews;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Data.Bulk;
using Audit.Data.Connections;
using Audit.Data.Repositories;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Audit.Benchmarks;

/// <summary>
/// (a) Full recompute of every sector view of an N-institution round, against one pass of plain SQL GROUP BY that
/// computes the same counts, means and distributions. (b) Incremental: one more accepted participation, then the
/// time until its sector has a new current view.
/// </summary>
internal static class RecomputeBench
{
    public static async Task RunFullAsync(BenchOptions options)
    {
        var runs = options.Int("runs", 3);
        Console.WriteLine($"full recompute: median of {runs} runs per size; reference = the engine's own GROUP BY (count, mean, distribution)");
        Console.WriteLine("N | answers | recompute | GROUP BY | ratio (target <= 2.0) | rows/s recompute | rows/s GROUP BY | peak managed (recompute)");
        foreach (var n in options.Sizes(500, 5000, 20000))
        {
            await using var db = await BenchDatabase.CreateAsync(options.Postgres);
            var generated = await GenerateAsync(db, n, options.Int("seed", 42));
            var job = Job(db);
            var types = generated.PerType.Keys.ToList();
            var recompute = new List<double>();
            var reference = new List<double>();
            var peaks = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var (elapsed, peak) = await Measure.TimedAsync(async () =>
                {
                    foreach (var type in types)
                    {
                        await job.RunAsync(generated.RoundId, type.ToWireName(), CancellationToken.None);
                    }
                });
                recompute.Add(elapsed.TotalMilliseconds);
                peaks.Add(peak);
                var (sqlElapsed, _) = await Measure.TimedAsync(() => GroupByAsync(db, generated.RoundId));
                reference.Add(sqlElapsed.TotalMilliseconds);
            }
            var r = Measure.Median(recompute);
            var s = Measure.Median(reference);
            Console.WriteLine($"{n} | {generated.Answers} | {Measure.Ms(r)} | {Measure.Ms(s)} | {Measure.F(r / s, "F2")} | " +
                $"{Measure.F(generated.Answers / (r / 1000))} | {Measure.F(generated.Answers / (s / 1000))} | {Measure.Mb(Measure.Median(peaks))}");
        }
    }

    public static async Task RunIncrementalAsync(BenchOptions options)
    {
        var n = options.Sizes(5000)[0];
        var runs = options.Int("runs", 5);
        await using var db = await BenchDatabase.CreateAsync(options.Postgres);
        var generated = await GenerateAsync(db, n, options.Int("seed", 42));
        var job = Job(db);
        var type = InstitutionType.Universiteit;
        await job.RunAsync(generated.RoundId, type.ToWireName(), CancellationToken.None); // the view before
        var times = new List<double>();
        var reference = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await AddAcceptedAsync(db, generated.RoundId, type, run);
            var views = new SectorViewRepository(db.Factory);
            var before = (await views.GetCurrentAsync(generated.RoundId, type.ToWireName()))!.Fingerprint;
            var (elapsed, _) = await Measure.TimedAsync(() => job.RunAsync(generated.RoundId, type.ToWireName(), CancellationToken.None));
            if ((await views.GetCurrentAsync(generated.RoundId, type.ToWireName()))!.Fingerprint == before)
            {
                throw new InvalidOperationException("The new acceptance did not produce a new current view.");
            }
            times.Add(elapsed.TotalMilliseconds);
            var (sql, _) = await Measure.TimedAsync(() => GroupByAsync(db, generated.RoundId, type));
            reference.Add(sql.TotalMilliseconds);
        }
        var perType = generated.PerType[type];
        Console.WriteLine($"incremental recompute, round of {n} ({perType} {type.ToWireName()}), median of {runs}: one more accepted participation → new current view");
        Console.WriteLine($"time to new current view: {Measure.Ms(Measure.Median(times))} (target <= 50 ms) | reference GROUP BY of that sector: {Measure.Ms(Measure.Median(reference))}");
    }

    public static async Task<GenerationResult> GenerateAsync(BenchDatabase db, int n, int seed)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await new SyntheticRoundGenerator(db.Factory).GenerateAsync(new GenerationRequest(n, seed), db.Questionnaire);
        Console.Error.WriteLine($"  generated {n} institutions, {result.Answers} answers on {db.Provider.FolderName()} in {Measure.Ms(watch.Elapsed.TotalMilliseconds)}");
        return result;
    }

    private static SectorRecomputeJob Job(BenchDatabase db)
    {
        var factory = db.Factory;
        var catalog = new QuestionnaireCatalog(new QuestionnaireRepository(factory), NullLogger<QuestionnaireCatalog>.Instance);
        return new SectorRecomputeJob(new RoundRepository(factory), catalog, new IncludedAnswersReader(factory), new SectorViewRepository(factory),
            new SectorDirtyRepository(factory), TimeProvider.System, NullLogger<SectorRecomputeJob>.Instance);
    }

    /// <summary>The reference: count and distribution per (sector, question, value), and the mean of the numeric questions, in SQL.</summary>
    private static async Task GroupByAsync(BenchDatabase db, string roundId, InstitutionType? only = null)
    {
        var numeric = db.Questionnaire.AllQuestions.Where(q => q.Type is QuestionType.Maturity or QuestionType.Number).Select(q => q.Key).ToArray();
        var real = db.Provider == DatabaseProvider.Postgres ? "double precision" : "REAL";
        var typeFilter = only is null ? "" : " AND i.type = @type";
        const string From = "FROM answers a JOIN participations p ON p.id = a.participation_id JOIN institutions i ON i.id = p.institution_id ";
        await using var connection = await db.Factory.OpenAsync();
        var parameters = new { roundId, type = only?.ToWireName(), numeric };
        var distribution = await connection.QueryAsync<(string, string, string, long)>(
            "SELECT i.type, a.question_key, a.value_json, COUNT(*) " + From +
            $"WHERE p.round_id = @roundId AND p.status = 'accepted'{typeFilter} GROUP BY i.type, a.question_key, a.value_json", parameters);
        var means = await connection.QueryAsync<(string, string, double, long)>(
            $"SELECT i.type, a.question_key, AVG(CAST(a.value_json AS {real})), COUNT(*) " + From +
            $"WHERE p.round_id = @roundId AND p.status = 'accepted'{typeFilter} AND a.question_key IN @numeric GROUP BY i.type, a.question_key", parameters);
        _ = distribution.Count() + means.Count();
    }

    /// <summary>One more institution of <paramref name="type"/>, accepted with a full set of answers, and its sector marked dirty.</summary>
    private static async Task AddAcceptedAsync(BenchDatabase db, string roundId, InstitutionType type, int run)
    {
        var writer = BulkWriters.For(db.Factory);
        var id = $"gen-extra-{type.ToWireName()}-{run}";
        var now = DateTime.UtcNow;
        await writer.WriteAsync(SyntheticRoundGenerator.InstitutionsTable, [[id, "Extra " + id, type.ToWireName(), "Utrecht", true, now, now]]);
        var participationId = SyntheticRoundGenerator.ParticipationId(roundId, id);
        await writer.WriteAsync(SyntheticRoundGenerator.ParticipationsTable, [[participationId, roundId, id, "accepted", now, now, now, now]]);
        await writer.WriteAsync(SyntheticRoundGenerator.AnswersTable, new Core.Synthetic.SyntheticAnswers(1000 + run).For(db.Questionnaire)
            .Select(a => new object?[] { participationId, a.QuestionKey, a.ValueJson, false, 1, "bench", now }));
        await new SectorDirtyRepository(db.Factory).MarkAsync(roundId, [type], Core.AuditTrail.Actor.System, DateTimeOffset.UtcNow);
    }
}
