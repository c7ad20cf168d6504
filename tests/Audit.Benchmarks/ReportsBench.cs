using System.Diagnostics;
using System.Text.Json;
using Audit.Reports.Models;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Benchmarks;

/// <summary>
/// (d) Feedback reports per second, HTML. There is no SectorView → FeedbackReport mapping on main yet, so the model is
/// the golden tests' feedback fixture, made distinct per institution; the reference is serialising the same model to
/// JSON, measured in the same run.
/// </summary>
internal static class ReportsBench
{
    public static void Run(BenchOptions options)
    {
        var count = options.Int("reports", 5000);
        var renderer = new ReportRenderer(TemplateCatalog.Load(Path.Combine(AppContext.BaseDirectory, "templates")), TimeProvider.System);
        var models = Enumerable.Range(0, Math.Min(count, 500)).Select(i => FeedbackFixtures.Leiden(s => s + " · " + i)).ToArray();
        renderer.RenderFeedback(models[0]); // warm-up: template compilation and JIT

        var serial = Time(count, i => renderer.RenderFeedback(models[i % models.Length]).Html.Length);
        var parallel = TimeParallel(count, i => renderer.RenderFeedback(models[i % models.Length]).Html.Length);
        var json = Time(count, i => JsonSerializer.SerializeToUtf8Bytes(models[i % models.Length]).Length);
        Console.WriteLine($"feedback reports (HTML), {count} reports, {Environment.ProcessorCount} cores:");
        Console.WriteLine($"  one thread: {Measure.F(count / serial.TotalSeconds)} reports/s ({Measure.F(serial.TotalSeconds, "F1")} s for {count}; target <= 60 s)");
        Console.WriteLine($"  all cores:  {Measure.F(count / parallel.TotalSeconds)} reports/s ({Measure.F(parallel.TotalSeconds, "F1")} s for {count})");
        Console.WriteLine($"  reference, same model to JSON: {Measure.F(count / json.TotalSeconds)} models/s; rendering costs {Measure.F(json.TotalSeconds > 0 ? serial.TotalSeconds / json.TotalSeconds : 0, "F1")}× that");
    }

    private static TimeSpan Time(int count, Func<int, int> render)
    {
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            bytes += render(i);
        }
        GC.KeepAlive(bytes);
        return watch.Elapsed;
    }

    private static TimeSpan TimeParallel(int count, Func<int, int> render)
    {
        var watch = Stopwatch.StartNew();
        Parallel.For(0, count, i => render(i));
        return watch.Elapsed;
    }
}
