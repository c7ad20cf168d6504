using Microsoft.Playwright;

namespace Audit.Web.Tests.EveryPage;

/// <summary>Who opens a page in <see cref="EveryPageTests"/>: a signed-in page per role, and a browser without a session.</summary>
public enum Visitor
{
    Anonymous,
    Respondent,
    Analyst,
    Admin,
    Ministry,
}

/// <summary>
/// One page as a person reaches it: the README page-table row it belongs to (its first column, verbatim), who opens
/// it, and how: an address to open, or steps that end on the page (a confirmation reached by pressing a button).
/// </summary>
/// <param name="Row">The README row's first column, so <see cref="PageCatalogTests"/> can prove no row is left out.</param>
/// <param name="Name">The screenshot's name, unique in the catalog.</param>
/// <param name="Path">The address to open (placeholders of <see cref="EveryPageWorld"/> filled in), or the start of <paramref name="Then"/>.</param>
/// <param name="Then">Steps after opening <paramref name="Path"/> that lead to the page under test.</param>
/// <param name="Status">The expected status of the response to <paramref name="Path"/>.</param>
/// <param name="Frames">The page shows a document in a frame (the feedback report), which axe leaves to that document's own test.</param>
public sealed record PageVisit(string Row, Visitor Visitor, string Name, string Path, Func<IPage, Task>? Then = null, int Status = 200, bool Frames = false)
{
    public override string ToString() => $"{Name} ({Visitor}: {Path})";
}

/// <summary>A README row that is not a page a person looks at, with the reason and the test that covers it instead.</summary>
public sealed record NotAPage(string Row, string Reason);
