using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>What a person does on the pages, written once so the tests read as the steps they check.</summary>
public static class PageActions
{
    public const string SignInPath = "/aanmelden";

    /// <summary>The layout's last element: once it is in the document, everything before it is too.</summary>
    private const string EndOfPage = "body > footer";

    private static readonly Regex TokenLabel = new("^(Persoonlijk toegangstoken|Personal access token)$");

    /// <summary>
    /// Runs <paramref name="action"/> (a click or key press that leaves the page: a link, a form post, a redirect after
    /// it) and returns once the page it leads to has replaced this one and is parsed to its end. It waits for the main
    /// frame to commit the new document, not for a load state: a load-state wait started after the click may see the
    /// old page's state, or miss the new one's, and that is what made sign-in time out on a loaded CI machine.
    /// </summary>
    public static async Task NavigateByAsync(IPage page, Func<Task> action)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame)
            {
                committed.TrySetResult();
            }
        }

        page.FrameNavigated += OnNavigated;
        try
        {
            await action();
            try
            {
                await committed.Task.WaitAsync(Timeouts.Default);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"No new page within {Timeouts.Default.TotalSeconds} s; still at {page.Url}", e);
            }
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }
        await Assertions.Expect(page.Locator(EndOfPage)).ToBeAttachedAsync();
    }

    /// <summary>Clicks a link or button that leads to another page, see <see cref="NavigateByAsync"/>.</summary>
    public static Task ClickToNextPageAsync(ILocator target) => NavigateByAsync(target.Page, () => target.ClickAsync());

    /// <summary>Signs in with the token form, as a developer or tester would, and fails at once if the form refuses.</summary>
    public static async Task SignInWithTokenAsync(IPage page, string token, string from = SignInPath)
    {
        await SubmitTokenAsync(page, token, from);
        if (new Uri(page.Url).AbsolutePath == SignInPath)
        {
            Assert.Fail($"The token form did not sign in: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>Fills in the token form and sends it; returns on the page that follows (the form again when refused).</summary>
    public static async Task SubmitTokenAsync(IPage page, string token, string from = SignInPath)
    {
        await page.GotoAsync(from);
        await page.GetByLabel(TokenLabel).FillAsync(token);
        await ClickToNextPageAsync(page.Locator("form.audit-form button[type=submit]"));
    }

    public static Task<string?> LangAsync(IPage page) => page.Locator("html").GetAttributeAsync("lang");

    public static Task<string> HeadingAsync(IPage page) => page.Locator("h1").InnerTextAsync();
}
