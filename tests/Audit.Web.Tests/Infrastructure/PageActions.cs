using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>What a person does on the pages, written once so the tests read as the steps they check.</summary>
public static class PageActions
{
    /// <summary>Signs in with the token form, as a developer or tester would.</summary>
    public static async Task SignInWithTokenAsync(IPage page, string token, string from = "/aanmelden")
    {
        await page.GotoAsync(from);
        await page.GetByLabel(new Regex("^(Persoonlijk toegangstoken|Personal access token)$")).FillAsync(token);
        await page.Locator("form.audit-form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public static Task<string?> LangAsync(IPage page) => page.Locator("html").GetAttributeAsync("lang");

    public static Task<string> HeadingAsync(IPage page) => page.Locator("h1").InnerTextAsync();
}
