using Audit.Drills.Aggregation;
using Audit.Drills.Autosave;
using Audit.Drills.BadInput;
using Audit.Drills.Outage;
using Audit.Drills.ScaleOut;
using System.Diagnostics;
using Audit.Drills;

// Reliability drills, issue 9 §3. Each drill prints what it did and throws DrillFailure when the service
// misbehaved; the exit code is the number of failed drills (0 = all passed or skipped).
var settings = DrillSettings.Parse(args);
Console.WriteLine($"Audit reliability drills: service {settings.ApiDll}, seed {settings.Seed}");
IDrill[] drills =
[
    new BadInputDrill(),
    new DatabaseUnavailableDrill(),
    new AggregationCrashDrill(),
    new AutosaveCrashDrill(),
    new ScaleOutDrill(),
];
var failed = 0;
var total = Stopwatch.StartNew();
foreach (var drill in drills.Where(d => settings.Only.Count == 0 || settings.Only.Contains(d.Name)))
{
    Console.WriteLine();
    Console.WriteLine($"== drill {drill.Name}: {drill.Description}");
    var watch = Stopwatch.StartNew();
    var log = new DrillLog();
    try
    {
        var outcome = await drill.RunAsync(settings, log);
        Console.WriteLine($"-- {drill.Name}: {outcome} ({watch.Elapsed.TotalSeconds:0.0} s)");
    }
    catch (Exception ex)
    {
        failed++;
        Console.WriteLine($"-- {drill.Name}: FAILED after {watch.Elapsed.TotalSeconds:0.0} s: {(ex is DrillFailure ? ex.Message : ex.ToString())}");
    }
}
try { Directory.Delete(settings.WorkRoot, recursive: true); } catch (IOException) { /* temp */ }
Console.WriteLine();
Console.WriteLine($"drills: {(failed == 0 ? "all passed" : $"{failed} failed")} in {total.Elapsed.TotalSeconds:0.0} s");
return failed;

namespace Audit.Drills
{
    public interface IDrill
    {
        string Name { get; }

        string Description { get; }

        /// <summary>Returns "passed" or "skipped: why"; throws <see cref="DrillFailure"/> otherwise.</summary>
        Task<string> RunAsync(DrillSettings settings, DrillLog log);
    }

    /// <summary>Indented progress lines, so the CI log shows what each drill did.</summary>
    public sealed class DrillLog
    {
        public void Line(string text) => Console.WriteLine("   " + text);
    }
}
