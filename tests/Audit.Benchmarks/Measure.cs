using System.Diagnostics;
using System.Globalization;

namespace Audit.Benchmarks;

/// <summary>Medians over repeated runs, and the peak managed heap seen while an operation ran.</summary>
internal static class Measure
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Runs <paramref name="action"/> and returns its time and the managed heap's peak above the level before it (sampled every 2 ms).</summary>
    public static async Task<(TimeSpan Elapsed, long PeakBytes)> TimedAsync(Func<Task> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(false);
        long peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = GC.GetTotalMemory(false);
                if (now > Interlocked.Read(ref peak))
                {
                    Interlocked.Exchange(ref peak, now);
                }
                try { await Task.Delay(2, stop.Token); } catch (OperationCanceledException) { break; }
            }
        });
        var watch = Stopwatch.StartNew();
        await action();
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        return (watch.Elapsed, Math.Max(0, Interlocked.Read(ref peak) - before));
    }

    /// <summary>
    /// CPU time of the whole process so far (every thread, user + system), in ms. On a shared machine wall time follows
    /// the load; CPU time much less. In-process engines (SQLite, DuckDB) are included; a PostgreSQL server is not.
    /// </summary>
    public static double CpuMs()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    public static string Ms(double milliseconds) => milliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    public static string Mb(double bytes) => (bytes / 1024 / 1024).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    public static string F(double value, string format = "F0") => value.ToString(format, CultureInfo.InvariantCulture);
}
