using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests.EveryPage;

/// <summary>
/// Every page of every role (<see cref="PageCatalog"/>, which follows the README's page table) at one screen size:
/// the page answers with the expected status, never widens the screen
/// (<c>document.documentElement.scrollWidth &lt;= window.innerWidth</c>), has the site's structure and no axe
/// violation, and is kept as a screenshot (<c>every-page-{width}-{name}.png</c>) for a person to look at. A subclass
/// per size runs side by side with the other. All pages of a role are checked before the test fails, so one run
/// lists every page that needs work.
/// </summary>
public abstract class EveryPageTests
{
    public TestContext TestContext { get; set; } = null!;

    protected abstract EveryPageWorld World { get; }

    protected abstract ViewportSize Viewport { get; }

    protected static Task<EveryPageWorld> StartAsync(ViewportSize viewport) => EveryPageWorld.StartAsync(viewport);

    [TestMethod]
    [DataRow(Visitor.Anonymous)]
    [DataRow(Visitor.Respondent)]
    [DataRow(Visitor.Analyst)]
    [DataRow(Visitor.Admin)]
    [DataRow(Visitor.Ministry)]
    public async Task Every_page_of_the_role_fits_the_screen_and_passes_axe(Visitor visitor)
    {
        var visits = PageCatalog.Visits.Where(v => v.Visitor == visitor).ToList();
        Assert.IsNotEmpty(visits);
        var failures = new List<string>();
        foreach (var visit in visits)
        {
            try
            {
                await CheckAsync(visit);
            }
            catch (Exception e) when (e is AssertFailedException or PlaywrightException or TimeoutException)
            {
                failures.Add($"{visit}: {e.Message}");
            }
        }
        Assert.IsEmpty(failures, $"{failures.Count} of {visits.Count} pages at {Viewport.Width}x{Viewport.Height}:{Environment.NewLine}"
            + string.Join(Environment.NewLine, failures));
    }

    private async Task CheckAsync(PageVisit visit)
    {
        var page = World.PageOf(visit.Visitor);
        var response = await page.GotoAsync(World.Resolve(visit.Path));
        Assert.AreEqual(visit.Status, response!.Status, "status");
        if (visit.Then is not null)
        {
            await visit.Then(page);
        }
        // The width is measured first but asserted last, so a page that is too wide still gets its screenshot and axe run.
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var widest = widths[0] > widths[1] ? await WidestAsync(page) : "";
        await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, $"every-page-{Viewport.Width}-{visit.Name}", "nl", visit.Frames);
        Assert.IsLessThanOrEqualTo(widths[1], widths[0], $"the page is {widths[0]} px wide on a {widths[1]} px screen: {widest}");
    }

    /// <summary>
    /// Where to look when the page is too wide: the element that sticks out furthest to the right, or else (text that
    /// overflows its box, such as a long address) the deepest element whose content is wider than itself.
    /// </summary>
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const describe = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${[...e.classList].map(c => '.' + c).join('')}`;
          let worst = null, right = window.innerWidth, overflowing = null;
          for (const element of document.querySelectorAll('body *')) {
            const r = element.getBoundingClientRect().right;
            if (r > right) { right = r; worst = element; }
            if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === 'visible') { overflowing = element; }
          }
          if (worst) return `${describe(worst)} reaches ${Math.round(right)} px`;
          return overflowing ? `the content of ${describe(overflowing)} ("${overflowing.textContent.trim().slice(0, 60)}") overflows it` : 'no element found';
        }
        """);
}

/// <summary>Every page on a phone: 390 x 844, the size the issue names.</summary>
[TestClass]
public sealed class EveryPageOnAPhoneTests : EveryPageTests
{
    private static EveryPageWorld world = null!;

    protected override EveryPageWorld World => world;

    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    [ClassInitialize]
    public static async Task InitializeAsync(TestContext context) => world = await StartAsync(new() { Width = 390, Height = 844 });

    [ClassCleanup]
    public static async Task CleanupAsync()
    {
        if (world is not null)
        {
            await world.DisposeAsync();
        }
    }
}

/// <summary>Every page on a desktop: 1440 x 900.</summary>
[TestClass]
public sealed class EveryPageOnADesktopTests : EveryPageTests
{
    private static EveryPageWorld world = null!;

    protected override EveryPageWorld World => world;

    protected override ViewportSize Viewport => new() { Width = 1440, Height = 900 };

    [ClassInitialize]
    public static async Task InitializeAsync(TestContext context) => world = await StartAsync(new() { Width = 1440, Height = 900 });

    [ClassCleanup]
    public static async Task CleanupAsync()
    {
        if (world is not null)
        {
            await world.DisposeAsync();
        }
    }
}
