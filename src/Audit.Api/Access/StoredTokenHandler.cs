using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Audit.Api.Access;

/// <summary>
/// Authentication by a token Audit issued and stores hashed (personal access tokens, web sessions): the presented
/// value is hashed and looked up, never stored or logged. Subclasses say where the token comes from and which kind
/// it must be, so a session cookie is never accepted as a bearer token or the other way round.
/// </summary>
public abstract class StoredTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IUserRepository users,
    SignInThrottle throttle,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected IUserRepository Users => users;

    protected DateTimeOffset UtcNow => clock.GetUtcNow();

    protected abstract TokenKind Kind { get; }

    /// <summary>What to call the credential in a failure ("token", "session").</summary>
    protected abstract string Noun { get; }

    /// <summary>Null when the request presents no credential of this kind at all (then another scheme may).</summary>
    protected abstract string? ReadToken();

    /// <summary>
    /// A credential that is not (or no longer) valid. By default a failed sign-in, counted by the throttle; a
    /// subclass may treat it as no credential at all (a browser's stale session cookie).
    /// </summary>
    protected virtual AuthenticateResult Refuse(string token, string reason)
    {
        throttle.RecordFailure(Context, token);
        return AuthenticateResult.Fail(reason);
    }

    /// <summary>
    /// A further check on a token that is live in the database (a session's idle timeout); it may also record the use.
    /// </summary>
    protected virtual Task<bool> IsStillValidAsync(TokenPrincipal principal) => Task.FromResult(true);

    /// <summary>True when this request presented a credential of this kind that failed, from a throttled address.</summary>
    protected bool FailedFromThrottledAddress => ReadToken() is not null && throttle.IsAddressThrottled(Context);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadToken() is not { } token)
        {
            return AuthenticateResult.NoResult();
        }
        if (token.Length == 0)
        {
            return Refuse(token, $"Empty {Noun}.");
        }
        var hash = AccessTokens.Hash(token);
        var principal = await Context.RequestServices.GetRequiredService<TokenCache>()
            .FindAsync(hash, cancellationToken => users.FindByTokenHashAsync(hash, clock.GetUtcNow(), cancellationToken), Context.RequestAborted);
        if (principal is null || principal.Kind != Kind || !await IsStillValidAsync(principal))
        {
            return Refuse(token, $"Unknown, expired or revoked {Noun}.");
        }
        var identity = new ClaimsIdentity(AuditClaims.For(principal.User, principal.TokenId), Scheme.Name, AuditClaims.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
