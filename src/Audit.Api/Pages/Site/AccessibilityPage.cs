namespace Audit.Api.Pages.Site;

/// <summary><c>/toegankelijkheid</c>: the accessibility statement every Dutch government website must publish.</summary>
public static class AccessibilityPage
{
    public const string Path = "/toegankelijkheid";
    public const string Name = "site/accessibility";

    public static HtmlPage Show() => new(Name);
}
