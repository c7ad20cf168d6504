using System.Diagnostics;
using System.Globalization;

namespace Audit.Drills.BadInput;

/// <summary>
/// 8 zip-bomb evidence uploads at once (each about 200 KB whose <c>mimetype</c> entry inflates to 200 MB): all refused,
/// and the service process stays under 500 MB resident while they run. Detection must read a bounded part of an entry,
/// never inflate it; one bomb inflated in memory alone would cross the limit.
/// </summary>
public static class ZipBombMemory
{
    public const int Parallel = 8;

    public const long LimitBytes = 500L * 1024 * 1024;

    public sealed record Result(string Summary, string? Defect);

    public static async Task<Result> CheckAsync(ServiceProcess service, string respondentToken, string participationId)
    {
        var url = $"/api/v1/participations/{participationId}/answers/{HostileShapes.QuestionKey}/evidence";
        var body = HostileShapes.ZipBombUpload(out var contentType);
        var before = ResidentBytes(service.Pid);
        var peak = before;
        using var done = new CancellationTokenSource();
        // The peak is sampled from /proc while the uploads run: the process's own high-water mark (VmHWM) would
        // include whatever the earlier requests of the drill needed.
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentBytes(service.Pid));
                await Task.Delay(10, CancellationToken.None);
            }
        });
        var watch = Stopwatch.StartNew();
        using var client = service.Client(respondentToken, TimeSpan.FromSeconds(60));
        var statuses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
            return (int)response.StatusCode;
        }));
        await done.CancelAsync();
        await sampler;
        peak = Math.Max(peak, ResidentBytes(service.Pid));

        var summary = $"zip bombs: {Parallel} × {body.Length / 1024:N0} KB (200 MB inflated) in {watch.Elapsed.TotalMilliseconds:N0} ms → "
            + string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key} ×{g.Count()}"))
            + $"; service RSS {Mb(before)} before, peak {Mb(peak)} (limit {Mb(LimitBytes)})";
        string? defect = null;
        if (statuses.Any(s => s is < 400 or >= 500))
        {
            defect = "zip-bomb upload not refused with a 4xx: " + string.Join(", ", statuses);
        }
        else if (peak >= LimitBytes)
        {
            defect = $"zip-bomb uploads took the service to {Mb(peak)} resident (limit {Mb(LimitBytes)})";
        }
        return new Result(summary, defect);
    }

    /// <summary>VmRSS of the service process (the child, not this runner), from /proc; 0 when it cannot be read.</summary>
    private static long ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process is gone or /proc is not there; the drill reports a dead service separately.
        }
        return 0;
    }

    private static string Mb(long bytes) => $"{bytes / (1024 * 1024):N0} MB";
}
