using System.Diagnostics;

namespace Audit.Reports.Tests.Pdf;

/// <summary>
/// Runs poppler's <c>pdfinfo</c> on a PDF. Missing locally the test is inconclusive, unless AUDIT_REQUIRE_BROWSER=1
/// (CI, whose .ci/run installs poppler-utils) makes that a failure, as for Chromium.
/// </summary>
internal static class PdfInfo
{
    public static string Require()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "pdfinfo"))
            .FirstOrDefault(File.Exists);
        if (path is null)
        {
            if (Environment.GetEnvironmentVariable("AUDIT_REQUIRE_BROWSER") == "1")
            {
                Assert.Fail("AUDIT_REQUIRE_BROWSER=1 but pdfinfo is missing (apt-get install poppler-utils).");
            }
            Assert.Inconclusive("pdfinfo (poppler-utils) is not installed.");
        }
        return path!;
    }

    public static Task<string> RunAsync(string pdfinfo, byte[] pdf) => RunToolAsync(pdfinfo, pdf, ["-enc", "UTF-8"], []);

    /// <summary>The PDF's text by poppler's <c>pdftotext</c> (same package as pdfinfo), to check what a reader sees.</summary>
    public static Task<string> TextAsync(byte[] pdf) =>
        RunToolAsync(Path.Combine(Path.GetDirectoryName(Require())!, "pdftotext"), pdf, ["-enc", "UTF-8"], ["-"]);

    /// <summary>Writes the PDF to a temp file, runs the poppler tool on it and returns its standard output.</summary>
    private static async Task<string> RunToolAsync(string tool, byte[] pdf, string[] before, string[] after)
    {
        var file = Path.Combine(Path.GetTempPath(), "audit-report-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, [.. before, file, .. after])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.AreEqual(0, process.ExitCode, error);
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
