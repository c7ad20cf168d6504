using Audit.TestSupport;

namespace Audit.Web.Tests.EveryPage;

/// <summary>
/// The catalog of <see cref="EveryPageTests"/> and the README's page table agree: every row is visited (or named
/// as not a page, with its reason), and no visit names a row the README no longer has. Needs no browser.
/// </summary>
[TestClass]
public sealed class PageCatalogTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md"));

    [TestMethod]
    public void Every_row_of_the_readme_page_table_is_visited()
    {
        var covered = PageCatalog.Visits.Select(v => v.Row).Concat(PageCatalog.NotPages.Select(n => n.Row)).ToHashSet();

        var missing = PageCatalog.ReadmeRows(Readme).Where(row => !covered.Contains(row)).ToList();

        Assert.IsEmpty(missing, "README page rows without a visit in PageCatalog: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void Every_visit_names_a_row_of_the_readme_page_table()
    {
        var rows = PageCatalog.ReadmeRows(Readme).ToHashSet();
        Assert.IsGreaterThan(30, rows.Count, "the table was read");

        var stale = PageCatalog.Visits.Select(v => v.Row).Concat(PageCatalog.NotPages.Select(n => n.Row))
            .Where(row => row != "problem page" && !rows.Contains(row)).Distinct().ToList();

        Assert.IsEmpty(stale, "PageCatalog rows the README does not have: " + string.Join(", ", stale));
    }

    [TestMethod]
    public void Every_visit_has_its_own_screenshot_name()
    {
        var names = PageCatalog.Visits.Select(v => v.Name).ToList();

        Assert.HasCount(names.Count, names.Distinct());
    }
}
