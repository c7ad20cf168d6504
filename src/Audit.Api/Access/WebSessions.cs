using Audit.Core.AuditTrail;

namespace Audit.Api.Access;

/// <summary>
/// Starts a web session for a user, whichever way they proved who they are (invitation link, personal access token,
/// organisation account): a random cookie value whose hash is stored as a <see cref="TokenKind.Session"/> token, with a
/// <c>session.started</c> audit event. So sign-out and deactivation end every session the same way.
/// </summary>
public static class WebSessions
{
    /// <param name="how">How the user signed in, for the audit trail.</param>
    public static async Task StartAsync(HttpContext context, User user, string how)
    {
        var users = context.RequestServices.GetRequiredService<IUserRepository>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var session = AccessTokens.NewToken();
        var expires = now.Add(SessionCookieHandler.Lifetime);
        var stored = StoredToken.For(user.Id, TokenKind.Session, session, now, expires);
        var actor = new Actor(user.Id, user.Role.ToWireName());
        await users.InsertTokenAsync(stored, actor.Did("session.started", "token", stored.Id, now, how), context.RequestAborted);
        context.Response.Cookies.Append(SessionCookieHandler.CookieName, session, SessionCookieHandler.CookieOptions(context, expires));
    }
}
