using System.Text.Encodings.Web;
using Audit.Api.Hosting;
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
    TimeProvider clock, IOptions<AuditOptions> audit) : StoredTokenHandler(options, logger, encoder, users, throttle, clock)
{
    public const string SchemeName = "Session";

    /// <summary>
    /// The cookie's name outside Development. <c>__Host-</c> makes the browser accept it only when Secure, with Path=/ and
    /// no Domain, so a sibling subdomain or a plain-HTTP page cannot plant or overwrite a session cookie.
    /// </summary>
    public const string CookieName = "__Host-" + DevelopmentCookieName;

    /// <summary>Development runs on plain HTTP, where browsers refuse <c>__Host-</c> cookies.</summary>
    public const string DevelopmentCookieName = "audit_session";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>How stale the recorded last use may get before it is written again: keeps a busy session to one write a minute.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    protected override TokenKind Kind => TokenKind.Session;

    protected override string Noun => "session";

    public static string NameFor(IHostEnvironment environment) => environment.IsDevelopment() ? DevelopmentCookieName : CookieName;

    public static string NameFor(HttpContext context) => NameFor(context.RequestServices.GetRequiredService<IWebHostEnvironment>());

    /// <summary>The session token the browser presents, or null.</summary>
    public static string? Presented(HttpContext context) =>
        context.Request.Cookies.TryGetValue(NameFor(context), out var token) && !string.IsNullOrEmpty(token) ? token : null;

    /// <summary>An empty cookie counts as no cookie: nothing was presented.</summary>
    protected override string? ReadToken() => Presented(Context);

    /// <summary>
    /// Refused when unused for <see cref="AuditOptions.SessionIdleMinutes"/>; otherwise the use is recorded, at most once per
    /// <see cref="TouchInterval"/>, so the idle clock restarts without a write on every request.
    /// </summary>
    protected override async Task<bool> IsStillValidAsync(TokenPrincipal principal)
    {
        var now = UtcNow;
        if (now - principal.LastUsedAt >= TimeSpan.FromMinutes(audit.Value.SessionIdleMinutes))
        {
            return false;
        }
        if (now - principal.LastUsedAt >= TouchInterval)
        {
            await Users.TouchTokenAsync(principal.TokenId, now, now - TouchInterval, Context.RequestAborted);
        }
        return true;
    }

    /// <summary>
    /// A session that ended (signed out, expired, idle, revoked) is what a browser normally still carries: the cookie is
    /// dropped and the request goes on unauthenticated, without counting as a failed sign-in.
    /// </summary>
    protected override AuthenticateResult Refuse(string token, string reason)
    {
        Delete(Context);
        return AuthenticateResult.NoResult();
    }

    /// <summary>Removes the session cookie, with the attributes a <c>__Host-</c> cookie must carry to be replaced.</summary>
    public static void Delete(HttpContext context) =>
        context.Response.Cookies.Delete(NameFor(context), CookieOptions(context, DateTimeOffset.UnixEpoch));

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

    /// <summary>HttpOnly, SameSite=Lax, Path=/, no Domain, Secure outside Development (TLS ends at the proxy, but browsers see HTTPS).</summary>
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
