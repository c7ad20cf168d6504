using System.Text.Encodings.Web;
using Audit.Api.Pages.Site;
using Audit.Api.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Audit.Api.Access;

/// <summary>
/// Web sessions: the cookie holds an opaque random token whose hash is stored like any other token,
/// so a session is revocable (sign-out, deactivation) and works across web nodes without shared keys.
/// </summary>
public sealed class SessionCookieHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IUserRepository users, SignInThrottle throttle,
    TimeProvider clock) : StoredTokenHandler(options, logger, encoder, users, throttle, clock)
{
    public const string SchemeName = "Session";
    public const string CookieName = "audit_session";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    protected override TokenKind Kind => TokenKind.Session;

    protected override string Noun => "session";

    /// <summary>An empty cookie counts as no cookie: nothing was presented.</summary>
    protected override string? ReadToken() =>
        Request.Cookies.TryGetValue(CookieName, out var token) && !string.IsNullOrEmpty(token) ? token : null;

    /// <summary>
    /// A session that ended (signed out, expired, revoked) is what a browser normally still carries: the cookie is
    /// dropped and the request goes on unauthenticated, without counting as a failed sign-in.
    /// </summary>
    protected override AuthenticateResult Refuse(string token, string reason)
    {
        Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        return AuthenticateResult.NoResult();
    }

    /// <summary>
    /// A person's browser opening a page it may not see without signing in goes to the sign-in page, which brings
    /// it back afterwards; API clients and form posts keep the plain 401.
    /// </summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (BrowserRequests.IsNavigation(Request))
        {
            Response.Redirect(SignInPage.PathFor(Request.PathBase + Request.Path + Request.QueryString));
            return Task.CompletedTask;
        }
        return base.HandleChallengeAsync(properties);
    }

    /// <summary>HttpOnly, SameSite=Lax, Secure outside Development (TLS ends at the proxy, but browsers see HTTPS).</summary>
    public static CookieOptions CookieOptions(HttpContext context, DateTimeOffset expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = !context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment(),
        Expires = expires,
        Path = "/",
        IsEssential = true,
    };
}
