using System.Diagnostics;

namespace Audit.TestSupport;

/// <summary>
/// Runs R (<c>Rscript</c>, Debian's r-base-core) for the analysis-export tests. Missing locally, a test is inconclusive
/// and says so; in CI (<c>CI=true</c>, or AUDIT_REQUIRE_BROWSER=1 that .ci/run sets, whose package step installs
/// r-base-core) a missing R fails the test, so the check cannot be skipped silently there.
/// </summary>
public static class RScript
{
    public static string Require()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "Rscript"))
            .FirstOrDefault(File.Exists);
        if (path is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                || Environment.GetEnvironmentVariable("AUDIT_REQUIRE_BROWSER") == "1")
            {
                Assert.Fail("Rscript is missing but required here (CI=true or AUDIT_REQUIRE_BROWSER=1): apt-get install r-base-core.");
            }
            Assert.Inconclusive("Rscript (r-base-core) is not installed, so load.R was not run; CI installs it and runs this test.");
        }
        return path!;
    }

    /// <summary>Runs <paramref name="script"/> in <paramref name="folder"/>; fails the test with R's output when R fails.</summary>
    public static async Task<string> RunAsync(string rscript, string folder, string script)
    {
        var file = Path.Combine(folder, "check.R");
        await File.WriteAllTextAsync(file, script);
        using var process = Process.Start(new ProcessStartInfo(rscript, ["--vanilla", file])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.AreEqual(0, process.ExitCode, $"Rscript failed:\n{await output}\n{await error}");
        return await output;
    }
}
