using Microsoft.Playwright;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// Full-page screenshots for a reviewer: under <c>AUDIT_SCREENSHOTS</c> when set (<c>.ci/run</c> sets
/// <c>.ci/out/screenshots</c>), otherwise in <c>TestResults/screenshots</c> beside the test binaries, the test
/// platform's default results folder. (Under Microsoft.Testing.Platform, TestContext's directories all name the
/// binaries' folder, not <c>--results-directory</c>.) Each file is also attached to the test result.
/// </summary>
public static class Screenshots
{
    public static string Folder(TestContext context)
    {
        var folder = Environment.GetEnvironmentVariable("AUDIT_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(context.TestRunResultsDirectory ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static async Task<string> TakeAsync(IPage page, TestContext context, string name)
    {
        var path = Path.Combine(Folder(context), name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        context.AddResultFile(path);
        return path;
    }
}
