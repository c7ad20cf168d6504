using Audit.Reports.Localization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Audit.Api.Pages.Infrastructure;

/// <summary>
/// The language of a page: Dutch unless the visitor chose English. <c>?lang=en</c> on any page chooses it and
/// stores the choice in the <c>audit_lang</c> cookie, so it sticks for the pages that follow; <c>?lang=nl</c> goes back.
/// </summary>
public static class PageLanguage
{
    public const string CookieName = "audit_lang";
    public const string QueryKey = "lang";
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public static ReportLanguage Resolve(HttpContext context)
    {
        var asked = context.Request.Query[QueryKey].ToString();
        if (!string.IsNullOrWhiteSpace(asked) && ReportLanguages.TryParse(asked, out var chosen))
        {
            if (context.Request.Cookies[CookieName] != chosen.Code() && !context.Response.HasStarted)
            {
                context.Response.Cookies.Append(CookieName, chosen.Code(), CookieOptions(context));
            }
            return chosen;
        }
        // An unknown ?lang= or cookie value is ignored rather than refused: a page should still open.
        return ReportLanguages.TryParse(context.Request.Cookies[CookieName], out var stored) ? stored : ReportLanguage.Nl;
    }

    /// <summary>The link to this same page in the other language: the current path and query with <c>lang</c> replaced.</summary>
    public static LanguageSwitch SwitchFor(HttpContext context, ReportLanguage current)
    {
        var other = current == ReportLanguage.Nl ? ReportLanguage.En : ReportLanguage.Nl;
        var query = new QueryBuilder();
        foreach (var (key, values) in QueryHelpers.ParseQuery(context.Request.QueryString.Value))
        {
            if (!key.Equals(QueryKey, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in values)
                {
                    query.Add(key, value ?? "");
                }
            }
        }
        query.Add(QueryKey, other.Code());
        return new LanguageSwitch(other.Code(), SamePath(context) + query.ToQueryString());
    }

    /// <summary>
    /// This page's path as a link that stays on this site: a request for <c>//evil.example/x</c> must not become a
    /// link to <c>//evil.example/x?lang=en</c>, which browsers read as another host.
    /// </summary>
    private static string SamePath(HttpContext context)
    {
        var path = (context.Request.PathBase + context.Request.Path).ToUriComponent();
        return LocalUrl.IsLocal(path) ? path : "/" + path.TrimStart('/', '\\');
    }

    /// <summary>A preference, not a secret, but still not readable by script and sent only to this site.</summary>
    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = !context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment(),
        Expires = DateTimeOffset.UtcNow.Add(CookieLifetime),
        Path = "/",
        IsEssential = true,
    };
}

/// <summary>The language switch in the page header: the other language's code and the address of this page in it.</summary>
public sealed record LanguageSwitch(string Code, string Url);
