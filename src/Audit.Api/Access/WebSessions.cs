using Audit.Core.AuditTrail;

namespace Audit.Api.Access;

/// <summary>
/// Starts a web session for a user, whichever way they proved who they are (invitation link, personal access token,
/// organisation account): a random cookie value whose hash is stored as a <see cref="TokenKind.Session"/> token, with a
/// <c>session.started</c> audit event. So sign-out and deactivation end every session the same way. A new sign-in ends
/// the session the browser presented, so a browser never holds two live sessions and a shared machine's earlier user
/// is signed out for good.
/// </summary>
public static class WebSessions
{
    /// <param name="how">How the user signed in, for the audit trail.</param>
    /// <param name="parentTokenId">The personal access token exchanged for this session: revoking it ends the session.</param>
    public static async Task StartAsync(HttpContext context, User user, string how, string? parentTokenId = null)
    {
        var users = context.RequestServices.GetRequiredService<IUserRepository>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var (session, stored) = NewSession(user.Id, now);
        stored = stored with { ParentTokenId = parentTokenId };
        var actor = new Actor(user.Id, user.Role.ToWireName());
        await users.InsertTokenAsync(stored, actor.Did("session.started", "token", stored.Id, now, how), context.RequestAborted);
        await EndPresentedAsync(context, now);
        SetCookie(context, session, stored.ExpiresAt!.Value);
    }

    /// <summary>A fresh session value and its row (hash only), valid for <see cref="SessionCookieHandler.Lifetime"/>.</summary>
    public static (string Session, StoredToken Stored) NewSession(string userId, DateTimeOffset now)
    {
        var session = AccessTokens.NewToken();
        return (session, StoredToken.For(userId, TokenKind.Session, session, now, now.Add(SessionCookieHandler.Lifetime)));
    }

    public static void SetCookie(HttpContext context, string session, DateTimeOffset expires) =>
        context.Response.Cookies.Append(SessionCookieHandler.NameFor(context), session, SessionCookieHandler.CookieOptions(context, expires));

    /// <summary>
    /// Revokes the session whose cookie came with this request, if it is still live: called once a new session has been
    /// stored, so a refused sign-in leaves the earlier session as it was.
    /// </summary>
    public static async Task EndPresentedAsync(HttpContext context, DateTimeOffset now)
    {
        if (SessionCookieHandler.Presented(context) is not { } presented)
        {
            return;
        }
        var users = context.RequestServices.GetRequiredService<IUserRepository>();
        if (await users.FindByTokenHashAsync(AccessTokens.Hash(presented), now, context.RequestAborted) is { Kind: TokenKind.Session } earlier)
        {
            var actor = new Actor(earlier.User.Id, earlier.User.Role.ToWireName());
            await users.RevokeTokenAsync(earlier.User.Id, earlier.TokenId, now,
                actor.Did("session.ended", "token", earlier.TokenId, now, "replaced by a new sign-in in the same browser"), context.RequestAborted);
        }
    }
}
