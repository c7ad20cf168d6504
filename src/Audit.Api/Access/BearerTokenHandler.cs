using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Audit.Api.Access;

/// <summary>Personal access tokens: <c>Authorization: Bearer aud_…</c>.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IUserRepository users, SignInThrottle throttle,
    TimeProvider clock) : StoredTokenHandler(options, logger, encoder, users, throttle, clock)
{
    public const string SchemeName = "Bearer";

    protected override TokenKind Kind => TokenKind.PersonalAccessToken;

    protected override string Noun => "bearer token";

    protected override string? ReadToken()
    {
        string? header = Request.Headers.Authorization;
        return string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? null
            : header["Bearer ".Length..].Trim();
    }

    /// <summary>401 with the scheme; 429 instead when the address keeps presenting bad tokens (a valid one still passes).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (FailedFromThrottledAddress)
        {
            return SignInThrottle.RefuseAsync(Context);
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
