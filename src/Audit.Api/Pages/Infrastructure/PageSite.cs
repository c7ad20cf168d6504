using Audit.Api.Pages.Site;
using Audit.Reports.Localization;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Infrastructure;

/// <summary>
/// The chrome of every page, built per request and read by <c>pages/_layout</c> as <c>site</c>: who is signed in,
/// the main navigation, the language switch and, when the page has a form or a sign-out button, the antiforgery field.
/// </summary>
public sealed record PageSite(PageUser? User, PageForm? Form, LanguageSwitch LanguageSwitch, IReadOnlyList<NavLink> Nav)
{
    public static PageSite For(HttpContext context, ReportLanguage language, bool hasForm)
    {
        var user = PageUser.From(context.User);
        PageForm? form = null;
        // Anonymous pages without a form set no antiforgery cookie: a visitor who only reads gets no cookie at all.
        if (user is not null || hasForm)
        {
            var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
            form = new PageForm(tokens.FormFieldName, tokens.RequestToken ?? "");
        }
        return new PageSite(user, form, PageLanguage.SwitchFor(context, language), PageNavigation.MainFor(user?.Role, context.Request.Path));
    }
}

/// <summary>The signed-in user as pages show them; <see cref="Role"/> is the wire name (<c>admin</c>, <c>respondent</c>, …).</summary>
public sealed record PageUser(string Id, string Name, string Role)
{
    public static PageUser? From(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && principal.GetUserId() is { } id && principal.GetRole() is { } role
            ? new PageUser(id, principal.FindFirstValue(AuditClaims.Name) ?? "", role.ToWireName())
            : null;
}

/// <summary>The hidden antiforgery field every form posts back.</summary>
public sealed record PageForm(string FieldName, string Value);

/// <summary>A link in a menu: <see cref="Key"/> names its text under <c>t.nav</c>.</summary>
public sealed record NavLink(string Key, string Href, bool Current = false);

/// <summary>Which pages each role reaches; the link to the current page is marked.</summary>
public static class PageNavigation
{
    public static IReadOnlyList<NavLink> MainFor(string? role, PathString current)
    {
        List<(string Key, string Href)> items = [("start", StartPage.Path)];
        items.AddRange(RoleLinks(role));
        items.Add(role is null ? ("sign_in", SignInPage.Path) : ("account", AccountPage.Path));
        return [.. items.Select(i => new NavLink(i.Key, i.Href, current.Equals(i.Href, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>The links the start page offers a signed-in user of <paramref name="role"/>.</summary>
    public static IReadOnlyList<NavLink> StartLinksFor(string role)
    {
        List<NavLink> links = [.. RoleLinks(role).Select(l => new NavLink(l.Key, l.Href)), new("account", AccountPage.Path)];
        if (Roles.TryParse(role, out var parsed) && parsed.IsBureau())
        {
            links.Add(new("api", "/api/v1/openapi.json"));
        }
        return links;
    }

    /// <summary>The bureau's rounds and questionnaires (and, for admins, users, the audit log and the job dashboard), the ministry's published rounds, a respondent's participations.</summary>
    private static IEnumerable<(string Key, string Href)> RoleLinks(string? role)
    {
        if (!Roles.TryParse(role, out var parsed))
        {
            yield break;
        }
        if (parsed.IsBureau())
        {
            yield return ("bureau_rounds", Bureau.BureauPages.RoundsPath);
            yield return ("bureau_cycles", Bureau.CyclesPage.Path);
            yield return ("bureau_institutions", Bureau.BureauPages.InstitutionsPath);
            yield return ("bureau_questionnaires", Bureau.Admin.QuestionnairesPage.Path);
            if (parsed == Role.Admin)
            {
                yield return ("bureau_users", Bureau.Admin.UsersPage.Path);
                yield return ("bureau_audit_log", Bureau.Admin.AuditLogPage.Path);
                yield return ("jobs", "/jobs");
            }
        }
        else if (parsed == Role.Ministry)
        {
            yield return ("ministry_rounds", Ministry.MinistryPages.RoundsPath);
        }
        else if (parsed == Role.Respondent)
        {
            yield return ("participations", Respondent.RespondentPages.ListPath);
        }
    }
}
