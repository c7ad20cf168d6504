using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
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
/// mapped model to JSON (as a total and per report). Then the same, database → HTML, on all cores.
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
        foreach (var type in published.Keys)
        {
            await foreach (var participation in new IncludedAnswersReader(db.Factory).StreamAsync(generated.RoundId, type))
            {
                renderer.RenderFeedback(FeedbackReportMapper.Map(Input(participation.ParticipationId, participation.Answers)));
                break;
            }
        }
        long map = 0, render = 0, json = 0, bytes = 0, count = 0, renderCpu = 0, jsonCpu = 0;
        var ratios = new List<double>(n);
        var total = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var type in published.Keys)
        {
            await foreach (var participation in new IncludedAnswersReader(db.Factory).StreamAsync(generated.RoundId, type))
            {
                var input = Input(participation.ParticipationId, participation.Answers);
                var t0 = Stopwatch.GetTimestamp();
                var model = FeedbackReportMapper.Map(input);
                var t1 = Stopwatch.GetTimestamp();
                var c1 = ThreadCpu.Nanoseconds();
                bytes += renderer.RenderFeedback(model).Html.Length;
                var t2 = Stopwatch.GetTimestamp();
                var c2 = ThreadCpu.Nanoseconds();
                bytes += JsonSerializer.SerializeToUtf8Bytes(model).Length;
                var t3 = Stopwatch.GetTimestamp();
                var c3 = ThreadCpu.Nanoseconds();
                json += t3 - t2;
                map += t1 - t0;
                render += t2 - t1;
                renderCpu += c2 - c1;
                jsonCpu += c3 - c2;
                // Per report on the thread's own CPU time, which time slices lost to other processes do not inflate.
                ratios.Add((double)(c2 - c1) / Math.Max(1, c3 - c2));
                count++;
            }
        }
        var serial = total.Elapsed.TotalSeconds - Seconds(json); // the reference is not part of the figure
        // CPU seconds (all the process's threads, GC included) tell more than wall time on a shared machine.
        var serialCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds - jsonCpu / 1e9;
        GC.KeepAlive(bytes);

        // Both cores, database → HTML as the render job runs it: one reader streams the answers (copied, since a
        // streamed participation is valid only until the next), one renderer per core maps and renders.
        // Repeated with --runs on the same data, for the min / median / max the README table gives.
        var allRuns = new List<double>();
        var allCpuRuns = new List<double>();
        for (var run = 0; run < Math.Max(1, options.Int("runs", 1)); run++)
        {
            var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
            allRuns.Add(await ParallelAsync(db, generated.RoundId, published.Keys, renderer, Input));
            allCpuRuns.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu1).TotalSeconds);
        }
        var all = Measure.Median(allRuns);
        var allCpu = Measure.Median(allCpuRuns);

        ratios.Sort();
        Console.WriteLine($"feedback reports (HTML), {count} institutions of a generated round, real mapping from their stored answers and published sector views:");
        Console.WriteLine($"  one thread, database → HTML: {Measure.F(count / serial)} reports/s, {Measure.F(serial, "F1")} s for {count}; " +
            $"of which mapping {Measure.F(Seconds(map), "F1")} s, rendering {Measure.F(Seconds(render), "F1")} s, reading + inputs {Measure.F(serial - Seconds(map) - Seconds(render), "F1")} s; " +
            $"CPU {Measure.F(serialCpu * 1000 / Math.Max(1, count), "F2")} ms a report");
        Console.WriteLine($"  all {Environment.ProcessorCount} cores, database → HTML: {Measure.F(count / all)} reports/s, {Measure.F(all, "F1")} s for {count} " +
            $"(target: 5,000 in <= 30 s; {Measure.F(all * 5000 / Math.Max(1, count), "F1")} s scaled to 5,000); CPU {Measure.F(allCpu * 1000 / Math.Max(1, count), "F2")} ms a report, " +
            $"so {Measure.F(allCpu * 5000 / Math.Max(1, count) / Environment.ProcessorCount, "F1")} s for 5,000 on {Environment.ProcessorCount} unshared cores (medians)");
        Console.WriteLine($"  all cores, runs (s): {string.Join(", ", allRuns.Select(x => Measure.F(x, "F1")))}; min / median / max " +
            $"{Measure.F(allRuns.Min(), "F1")} / {Measure.F(all, "F1")} / {Measure.F(allRuns.Max(), "F1")} s");
        Console.WriteLine($"  reference, the same mapped models to JSON: {Measure.F(count / Seconds(json))} models/s; " +
            $"rendering costs {Measure.F(Seconds(render) / Seconds(json), "F1")}× that in wall time, {Measure.F((double)renderCpu / Math.Max(1, jsonCpu), "F1")}× in thread CPU time; " +
            $"per report (thread CPU) median {Measure.F(Percentile(ratios, 0.5), "F1")}×, p90 {Measure.F(Percentile(ratios, 0.9), "F1")}× (target <= 4×){ThreadCpu.Note}");
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static async Task<double> ParallelAsync(BenchDatabase db, string roundId, IEnumerable<InstitutionType> types, ReportRenderer renderer,
        Func<string, IReadOnlyDictionary<string, JsonElement>, FeedbackInput> input)
    {
        var queue = Channel.CreateBounded<FeedbackInput>(64);
        var wall = Stopwatch.StartNew();
        var reader = Task.Run(async () =>
        {
            try
            {
                foreach (var type in types)
                {
                    await foreach (var participation in new IncludedAnswersReader(db.Factory).StreamAsync(roundId, type))
                    {
                        var answers = participation.Answers.ToDictionary(a => a.Key, a => a.Value.Clone(), StringComparer.Ordinal);
                        await queue.Writer.WriteAsync(input(participation.ParticipationId, answers));
                    }
                }
                queue.Writer.Complete();
            }
            catch (Exception e)
            {
                queue.Writer.Complete(e);
                throw;
            }
        });
        var renderers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(async () =>
        {
            await foreach (var item in queue.Reader.ReadAllAsync())
            {
                renderer.RenderFeedback(FeedbackReportMapper.Map(item));
            }
        }));
        await Task.WhenAll(renderers.Append(reader));
        return wall.Elapsed.TotalSeconds;
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
