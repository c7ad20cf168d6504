using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// axe-core with the WCAG 2.1 A and AA rules, plus the page structure a screen-reader user relies on (lang, one h1,
/// banner, main, contentinfo, labelled navigation), with a screenshot for review. Shared by every
/// accessibility test class.
/// </summary>
public static class AccessibilityCheck
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static async Task AssertAccessibleAsync(IPage page, TestContext context, string name, string lang)
    {
        await Screenshots.TakeAsync(page, context, name);
        Assert.AreEqual(lang, await PageActions.LangAsync(page), name);
        Assert.AreEqual(1, await page.Locator("h1").CountAsync(), $"{name}: exactly one h1");
        Assert.AreEqual(1, await page.Locator("body > header").CountAsync(), $"{name}: a banner");
        Assert.AreEqual(1, await page.Locator("main#inhoud").CountAsync(), $"{name}: one main");
        Assert.AreEqual(1, await page.Locator("body > footer").CountAsync(), $"{name}: a contentinfo");
        Assert.IsGreaterThanOrEqualTo(1, await page.Locator("nav[aria-label]").CountAsync(), $"{name}: labelled navigation");
        await AssertNoViolationsAsync(page, name);
    }

    /// <summary>The axe rules alone, for documents that are not site pages (the reports have no site header or menu).</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });

        Assert.IsEmpty(result.Violations, $"{name}:{Environment.NewLine}{Describe(result.Violations)}");
        Assert.IsNotEmpty(result.Passes, $"{name}: axe ran its rules");
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
