using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// axe-core with the WCAG 2.1 A and AA rules, plus the page structure a screen-reader user relies on (lang, one h1,
/// banner, main, contentinfo, labelled navigation), with a screenshot for review. Shared by every
/// accessibility test class.
/// </summary>
public static class AccessibilityCheck
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>axe-core as Deque.AxeCore ships it; read once, the same text for every page.</summary>
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// <param name="frames">
    /// The page frames another document (the feedback report): axe checks this page and not the frame, whose report
    /// forbids scripts and is checked on its own by <see cref="BureauReportAccessibilityTests"/>.
    /// </param>
    public static async Task AssertAccessibleAsync(IPage page, TestContext context, string name, string lang, bool frames = false)
    {
        await Screenshots.TakeAsync(page, context, name);
        Assert.AreEqual(lang, await PageActions.LangAsync(page), name);
        Assert.AreEqual(1, await page.Locator("h1").CountAsync(), $"{name}: exactly one h1");
        Assert.AreEqual(1, await page.Locator("body > header").CountAsync(), $"{name}: a banner");
        Assert.AreEqual(1, await page.Locator("main#inhoud").CountAsync(), $"{name}: one main");
        Assert.AreEqual(1, await page.Locator("body > footer").CountAsync(), $"{name}: a contentinfo");
        Assert.IsGreaterThanOrEqualTo(1, await page.Locator("nav[aria-label]").CountAsync(), $"{name}: labelled navigation");
        await AssertNoViolationsAsync(page, name, frames);
    }

    /// <summary>The axe rules alone, for documents that are not site pages (the reports have no site header or menu).</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string name, bool frames = false)
    {
        var result = await RunAxeAsync(page, name, frames);

        Assert.IsEmpty(result.Violations, $"{name}:{Environment.NewLine}{Describe(result.Violations)}");
        Assert.IsNotEmpty(result.Passes, $"{name}: axe ran its rules");
    }

    /// <summary>
    /// axe-core's own <c>axe.run</c> in the page, with every rule of the WCAG tags. Cheaper than the library's
    /// <c>RunAxe</c>, which injects axe twice and opens a new browser context per run to merge the results of
    /// frames (these pages have none, which is asserted), and lists every node that passed: 1,900 on a feedback
    /// report. Here only violations are listed node by node; of the other result types axe keeps one node per rule.
    /// That trims the output, not the checks: every rule runs on every node as before.
    /// </summary>
    private static async Task<AxeResult> RunAxeAsync(IPage page, string name, bool frames)
    {
        if (!frames)
        {
            Assert.HasCount(1, page.Frames, $"{name}: axe runs in the top document only; a page with frames needs the library's RunAxe");
        }
        await page.EvaluateAsync(AxeSource.Value);
        var json = await page.EvaluateAsync<string>(
            "async tags => JSON.stringify(await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false }))",
            WcagTags);
        return new AxeResult(JObject.Parse(json));
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine($"    {string.Join(" ", node.Target)}: {node.Html}");
            }
        }
        return text.ToString();
    }
}
