namespace Audit.Api.Pages.Site;

/// <summary><c>/</c>: a welcome and the ways to sign in for visitors; the links of their role for signed-in users.</summary>
public static class StartPage
{
    public const string Path = "/";
    public const string Name = "site/start";

    public sealed record Model(IReadOnlyList<NavLink> Links);

    public static HtmlPage Show(ClaimsPrincipal principal) =>
        new(Name, new Model(PageUser.From(principal) is { } user ? PageNavigation.StartLinksFor(user.Role) : []));
}
