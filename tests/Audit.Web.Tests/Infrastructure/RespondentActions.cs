using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Audit.Core.Access;
using Microsoft.Playwright;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>What a respondent does on the questionnaire pages, written once so the tests read as the steps they check.</summary>
public static class RespondentActions
{
    /// <summary>Opens a new invitation link for a respondent of the world's institution and signs in with its button.</summary>
    public static async Task SignInByInvitationAsync(IPage page, WebApp app, string name)
    {
        await page.GotoAsync(await app.InvitationForAsync(name, Role.Respondent, QuestionnaireWorld.Institution));
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Welkom, {name}");
    }

    public static string ThemePath(string participationId, string theme) => $"/deelnames/{participationId}/thema/{theme}";

    /// <summary>A question's block on the theme page (question keys hold dots, so ids are matched as attributes).</summary>
    public static ILocator Question(IPage page, string key) => page.Locator($"[id='q-{key}']");

    /// <summary>The autosave status line of a question.</summary>
    public static ILocator Status(IPage page, string key) => page.Locator($"[id='s-{key}']");

    public static ILocator ById(IPage page, string id) => page.Locator($"[id='{id}']");

    public static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("document.activeElement ? document.activeElement.id : ''");

    /// <summary>Presses Tab until the element with <paramref name="id"/> has focus; fails after <paramref name="limit"/> presses.</summary>
    public static async Task TabToAsync(IPage page, string id, int limit = 20)
    {
        for (var i = 0; i < limit; i++)
        {
            if (await FocusedIdAsync(page) == id)
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.AreEqual(id, await FocusedIdAsync(page), $"Tab did not reach #{id} within {limit} presses");
    }

    /// <summary>Presses Tab until a button with this text has focus.</summary>
    public static async Task TabToButtonAsync(IPage page, string text, int limit = 40)
    {
        for (var i = 0; i < limit; i++)
        {
            if (await page.EvaluateAsync<bool>("t => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.trim() === t", text))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab did not reach the button '{text}' within {limit} presses");
    }

    public static Regex Saved { get; } = new("^Opgeslagen$");

    /// <summary>
    /// Runs the <paramref name="steps"/> that answer a question and waits for the autosave response to the request that
    /// stored their whole answer (<paramref name="valueJson"/>). For answers given in more than one step (two boxes,
    /// two grid cells): autosave is debounced per step, so on a slow machine the first step can be saved on its own
    /// and its "Opgeslagen" shown while the second step's save has not even started.
    /// </summary>
    public static async Task AutosavedAsync(IPage page, string key, string valueJson, Func<Task> steps)
    {
        var expected = JsonNode.Parse(valueJson);
        var path = "/answers/" + Uri.EscapeDataString(key);
        await page.RunAndWaitForResponseAsync(steps, response =>
            response.Request.Method == "PUT" && new Uri(response.Url).AbsolutePath.EndsWith(path, StringComparison.Ordinal)
            && response.Request.PostData is { } body && JsonNode.DeepEquals(JsonNode.Parse(body)?["value"], expected));
    }
}
