using System.Diagnostics;
using System.Text.Json;
using Audit.Core.Institutions;
using Audit.Core.Paging;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Data.Rounds;
using Audit.Data.SectorViews;
using Audit.Reports.Mapping;
using Audit.Reports.Models;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;

namespace Audit.Benchmarks;

/// <summary>
/// (d) Feedback reports per second, HTML, for a generated N-institution round: every participation's answers are
/// streamed from the database, mapped with <see cref="FeedbackReportMapper"/> against its sector's PUBLISHED view
/// (computed by the real job first) and rendered. The reference, measured in the same loop, is serialising each
/// mapped model to JSON. Then the same mapping and rendering on all cores.
/// </summary>
internal static class ReportsBench
{
    public static async Task RunAsync(BenchOptions options)
    {
        var n = options.Int("reports", 5000);
        await using var db = await BenchDatabase.CreateAsync(options.Postgres);
        var generated = await RecomputeBench.GenerateAsync(db, n, options.Int("seed", 42));
        var job = RecomputeBench.Job(db);
        var setup = Stopwatch.StartNew();
        var published = new Dictionary<InstitutionType, SectorView>();
        foreach (var type in generated.PerType.Keys)
        {
            await job.RunAsync(generated.RoundId, type.ToWireName(), CancellationToken.None);
            var stored = await new SectorViewRepository(db.Factory).GetCurrentAsync(generated.RoundId, type.ToWireName());
            published[type] = SectorViewJson.Deserialize(stored!.PublishedJson);
        }
        Console.Error.WriteLine($"  sector views computed in {Measure.Ms(setup.Elapsed.TotalMilliseconds)}");
        var round = (await new RoundRepository(db.Factory).GetAsync(generated.RoundId))!.Round;
        var participations = await ParticipationsAsync(db, generated.RoundId);
        var renderer = new ReportRenderer(TemplateCatalog.Load(Path.Combine(AppContext.BaseDirectory, "templates")), TimeProvider.System);

        FeedbackInput Input(string participationId, IReadOnlyDictionary<string, JsonElement> answers)
        {
            var p = participations[participationId];
            var institution = new Institution(p.InstitutionId, p.InstitutionName, p.InstitutionType, "Utrecht");
            return new FeedbackInput(round, db.Questionnaire, published[p.InstitutionType],
                new FeedbackParticipant(institution, p.Status, p.SubmittedAt, p.AcceptedAt), answers) { Findings = Findings(db, institution) };
        }

        // Warm-up (template compilation, JIT) on one report per sector, then the measured serial pass.
        var kept = new List<FeedbackInput>(n);
        foreach (var type in published.Keys)
        {
            await foreach (var participation in new IncludedAnswersReader(db.Factory).StreamAsync(generated.RoundId, type))
            {
                renderer.RenderFeedback(FeedbackReportMapper.Map(Input(participation.ParticipationId, participation.Answers)));
                break;
            }
        }
        long map = 0, render = 0, json = 0, copy = 0, bytes = 0, count = 0;
        var total = Stopwatch.StartNew();
        foreach (var type in published.Keys)
        {
            await foreach (var participation in new IncludedAnswersReader(db.Factory).StreamAsync(generated.RoundId, type))
            {
                var input = Input(participation.ParticipationId, participation.Answers);
                var t0 = Stopwatch.GetTimestamp();
                var model = FeedbackReportMapper.Map(input);
                var t1 = Stopwatch.GetTimestamp();
                bytes += renderer.RenderFeedback(model).Html.Length;
                var t2 = Stopwatch.GetTimestamp();
                bytes += JsonSerializer.SerializeToUtf8Bytes(model).Length;
                json += Stopwatch.GetTimestamp() - t2;
                map += t1 - t0;
                render += t2 - t1;
                count++;
                // The streamed answers are valid only until the next participation: keep a copy for the parallel pass.
                var t3 = Stopwatch.GetTimestamp();
                kept.Add(input with { Answers = participation.Answers.ToDictionary(a => a.Key, a => a.Value.Clone(), StringComparer.Ordinal) });
                copy += Stopwatch.GetTimestamp() - t3;
            }
        }
        var serial = total.Elapsed.TotalSeconds - Seconds(json) - Seconds(copy); // the reference and the copies are not the figure
        GC.KeepAlive(bytes);

        var parallel = Stopwatch.StartNew();
        // Bounded to the cores: more renders at once only add contention (as the render job should run them).
        Parallel.ForEach(kept, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            input => renderer.RenderFeedback(FeedbackReportMapper.Map(input)));
        var all = parallel.Elapsed.TotalSeconds;

        Console.WriteLine($"feedback reports (HTML), {count} institutions of a generated round, real mapping from their stored answers and published sector views:");
        Console.WriteLine($"  one thread, database → HTML: {Measure.F(count / serial)} reports/s, {Measure.F(serial, "F1")} s for {count} (target <= 60 s); " +
            $"of which mapping {Measure.F(Seconds(map), "F1")} s, rendering {Measure.F(Seconds(render), "F1")} s, reading + inputs {Measure.F(serial - Seconds(map) - Seconds(render), "F1")} s");
        Console.WriteLine($"  all {Environment.ProcessorCount} cores, mapping + rendering: {Measure.F(count / all)} reports/s ({Measure.F(all, "F1")} s)");
        Console.WriteLine($"  reference, the same mapped models to JSON: {Measure.F(count / Seconds(json))} models/s; " +
            $"rendering costs {Measure.F(Seconds(render) / Seconds(json), "F1")}× that");
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    private static async Task<Dictionary<string, ParticipationRecord>> ParticipationsAsync(BenchDatabase db, string roundId)
    {
        var repository = new ParticipationRepository(db.Factory);
        var all = new Dictionary<string, ParticipationRecord>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var items = (await repository.ListByRoundAsync(roundId, new PageRequest(page, PageRequest.MaxPageSize))).Items;
            foreach (var p in items)
            {
                all[p.Id] = p;
            }
            if (items.Count < PageRequest.MaxPageSize)
            {
                return all;
            }
        }
    }

    /// <summary>The bureau's texts: a summary and a finding and recommendation per theme, as a finished report has.</summary>
    private static BureauFindings Findings(BenchDatabase db, Institution institution) => new(
        $"{institution.Name} heeft de basis op orde; de risicoanalyse kan scherper.",
        db.Questionnaire.Themes.ToDictionary(t => t.Key,
            t => new ThemeFinding($"Bevinding over {t.Title} bij {institution.Name}.", $"Aanbeveling over {t.Title}."), StringComparer.Ordinal));
}
