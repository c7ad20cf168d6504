using Audit.Api.Questionnaires;
using Audit.Api.SectorViews;
using Audit.Core.Institutions;
using System.Text.Json;
using Audit.Core.Questionnaires;
using Audit.Core.SectorViews;
using Audit.Data.Bulk;
using Audit.Data.Connections;
using Audit.Data.Questionnaires;
using Audit.Data.Rounds;
using Audit.Data.SectorViews;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Audit.Application.Questionnaires;

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
            var types = generated.PerType.Keys.ToList();
            var recompute = new List<double>();
            var reference = new List<double>();
            var peaks = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var job = Job(db); // a fresh job cache: every run is a full pass, as after a restart
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
        var job = Job(db); // one job cache, as in the running service
        var type = InstitutionType.Universiteit;
        var wire = type.ToWireName();
        var views = new SectorViewRepository(db.Factory);
        await job.RunAsync(generated.RoundId, wire, CancellationToken.None); // the view before (a full pass)
        async Task<double> NewViewAsync(SectorRecomputeJob j)
        {
            var before = (await views.GetCurrentAsync(generated.RoundId, wire))!.Fingerprint;
            var (elapsed, _) = await Measure.TimedAsync(() => j.RunAsync(generated.RoundId, wire, CancellationToken.None));
            return (await views.GetCurrentAsync(generated.RoundId, wire))!.Fingerprint != before ? elapsed.TotalMilliseconds
                : throw new InvalidOperationException("The new acceptance did not produce a new current view.");
        }
        var times = new List<double>();
        var cold = new List<double>();
        var reference = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await AddAcceptedAsync(db, generated.RoundId, type, run);
            times.Add(await NewViewAsync(job));
            await AddAcceptedAsync(db, generated.RoundId, type, 100 + run);
            cold.Add(await NewViewAsync(Job(db))); // no cache: a full pass of the sector, as after a restart
            await AddAcceptedAsync(db, generated.RoundId, type, 200 + run);
            times.Add(await NewViewAsync(job)); // the cached state is behind by two: still incremental
            var (sql, _) = await Measure.TimedAsync(() => GroupByAsync(db, generated.RoundId, type));
            reference.Add(sql.TotalMilliseconds);
        }
        var same = await SameAsCleanPassAsync(db, generated.RoundId, type);
        var perType = generated.PerType[type];
        Console.WriteLine($"incremental recompute, round of {n} ({perType}+ {wire}), medians: one more accepted participation → new current view");
        Console.WriteLine($"time to new current view: {Measure.Ms(Measure.Median(times))} (target <= 50 ms; {times.Count} runs) | " +
            $"after a restart (full pass of the sector): {Measure.Ms(Measure.Median(cold))} | reference GROUP BY of that sector: {Measure.Ms(Measure.Median(reference))}");
        Console.WriteLine($"  runs (ms): incremental {string.Join(", ", times.Select(x => Measure.F(x, "F1")))}; min / median / max " +
            $"{Measure.F(times.Min(), "F1")} / {Measure.F(Measure.Median(times), "F1")} / {Measure.F(times.Max(), "F1")} ms");
        Console.WriteLine($"final current view equals a clean pass (fingerprint and statistics): {(same ? "yes" : "NO")}");
    }

    /// <summary>The stored current view against one computed from scratch with Core: same fingerprint, same statistics.</summary>
    private static async Task<bool> SameAsCleanPassAsync(BenchDatabase db, string roundId, InstitutionType type)
    {
        var stored = SectorViewJson.Deserialize((await new SectorViewRepository(db.Factory).GetCurrentAsync(roundId, type.ToWireName()))!.InternalJson);
        var reader = new IncludedAnswersReader(db.Factory);
        var builder = new SectorViewBuilder(db.Questionnaire, (await new RoundRepository(db.Factory).GetAsync(roundId))!.Round.Disclosure,
            new SectorViewScope(roundId, type.ToWireName(), await reader.CountResponsesAsync(roundId, type), stored.ComputedAt));
        await foreach (var participation in reader.StreamAsync(roundId, type))
        {
            builder.Add(participation);
        }
        var clean = builder.Build();
        return clean.Fingerprint == stored.Fingerprint && clean.Included == stored.Included
            && JsonSerializer.Serialize(clean.Questions) == JsonSerializer.Serialize(stored.Questions)
            && JsonSerializer.Serialize(clean.Themes) == JsonSerializer.Serialize(stored.Themes);
    }

    public static async Task<GenerationResult> GenerateAsync(BenchDatabase db, int n, int seed)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await new SyntheticRoundGenerator(db.Factory).GenerateAsync(new GenerationRequest(n, seed), db.Questionnaire);
        Console.Error.WriteLine($"  generated {n} institutions, {result.Answers} answers on {db.Provider.FolderName()} in {Measure.Ms(watch.Elapsed.TotalMilliseconds)}");
        return result;
    }

    internal static SectorRecomputeJob Job(BenchDatabase db, SectorStateCache? cache = null)
    {
        var factory = db.Factory;
        var catalog = new QuestionnaireCatalog(new QuestionnaireRepository(factory), NullLogger<QuestionnaireCatalog>.Instance);
        return new SectorRecomputeJob(new RoundRepository(factory), catalog, new IncludedAnswersReader(factory), new SectorViewRepository(factory),
            new SectorDirtyRepository(factory), cache ?? new SectorStateCache(), new Audit.Data.FollowUps.ValidatedScoreRepository(factory),
            new Audit.Data.FollowUps.FollowUpRepository(factory), TimeProvider.System, NullLogger<SectorRecomputeJob>.Instance);
    }

    /// <summary>The reference: count and distribution per (sector, question, value), and the mean of the numeric questions, in SQL.</summary>
    private static async Task GroupByAsync(BenchDatabase db, string roundId, InstitutionType? only = null)
    {
        var numeric = db.Questionnaire.AllQuestions.Where(q => q.Type is QuestionType.Maturity or QuestionType.Number).Select(q => q.Key).ToArray();
        var real = db.Provider == DatabaseProvider.Postgres ? "double precision" : "REAL";
        var typeFilter = only is null ? "" : " AND i.type = @type";
        const string From = "FROM answers a JOIN participations p ON p.id = a.participation_id JOIN institutions i ON i.id = p.institution_id ";
        await using var connection = await db.Factory.OpenAsync();
        // An explicit IN (@n0, @n1, …) list, as the product's own id lists are written: Dapper passes a list parameter to
        // Npgsql as one array, and "IN $2" is a syntax error on PostgreSQL.
        var parameters = new DynamicParameters(new { roundId, type = only?.ToWireName() });
        for (var i = 0; i < numeric.Length; i++)
        {
            parameters.Add("n" + i, numeric[i]);
        }
        var numericList = string.Join(", ", numeric.Select((_, i) => "@n" + i));
        var distribution = await connection.QueryAsync<(string, string, string, long)>(
            "SELECT i.type, a.question_key, a.value_json, COUNT(*) " + From +
            $"WHERE p.round_id = @roundId AND p.status = 'accepted'{typeFilter} GROUP BY i.type, a.question_key, a.value_json", parameters);
        var means = await connection.QueryAsync<(string, string, double, long)>(
            $"SELECT i.type, a.question_key, AVG(CAST(a.value_json AS {real})), COUNT(*) " + From +
            $"WHERE p.round_id = @roundId AND p.status = 'accepted'{typeFilter} AND a.question_key IN ({numericList}) GROUP BY i.type, a.question_key", parameters);
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
