using System.Security.Claims;
using System.Text.Encodings.Web;
using Audit.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Audit.Api.Access;

/// <summary>
/// Personal access tokens: <c>Authorization: Bearer aud_…</c>. The presented token is hashed and
/// looked up; the plain value is never stored or logged.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IUserRepository users,
    SignInThrottle throttle,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        if (token.Length == 0)
        {
            throttle.RecordFailure(Context);
            return AuthenticateResult.Fail("Empty bearer token.");
        }
        var principal = await users.FindByTokenHashAsync(AccessTokens.Hash(token), clock.GetUtcNow(), Context.RequestAborted);
        if (principal is null || principal.Kind != TokenKind.PersonalAccessToken)
        {
            throttle.RecordFailure(Context);
            return AuthenticateResult.Fail("Unknown, expired or revoked token.");
        }
        var identity = new ClaimsIdentity(AuditClaims.For(principal.User, principal.TokenId), SchemeName, AuditClaims.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
