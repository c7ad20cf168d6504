using System.ComponentModel.DataAnnotations;

namespace Audit.Api.Access;

/// <summary>
/// Configuration section <c>Authentication:Oidc</c>: the bureau's or an institution's identity provider (SURFconext,
/// Entra ID). Off unless <see cref="Authority"/> is set; then API clients may present its JWTs as bearer tokens. With
/// <see cref="ClientId"/> as well, people can also sign in to the web pages with their organisation account
/// (authorization code flow with PKCE), which starts the same revocable session as an invitation link.
/// </summary>
public sealed class OidcOptions : IValidatableObject
{
    public const string SectionName = "Authentication:Oidc";

    public string? Authority { get; set; }

    /// <summary>The audience API bearer tokens must carry.</summary>
    public string? Audience { get; set; }

    /// <summary>The claim whose value is matched to a user's email on the first sign-in, before the account is linked.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>This service's client id at the provider, for the browser sign-in.</summary>
    public string? ClientId { get; set; }

    /// <summary>A confidential client's secret; leave empty for a public client (PKCE alone).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Only for a local test provider on plain HTTP: metadata must otherwise come over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Link a user on first sign-in only when the provider says it verified the e-mail (<c>email_verified</c>). Turn off
    /// only for a provider that vouches for every address it asserts but sends no such claim.
    /// </summary>
    public bool RequireVerifiedEmail { get; set; } = true;

    /// <summary>
    /// Issuers (<c>iss</c>) whose tokens may sign anyone in; empty means only the <see cref="Authority"/>'s own issuer. For
    /// a provider with an issuer per tenant, list each tenant trusted.
    /// </summary>
    public List<string> AllowedIssuers { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Whether a token from <paramref name="issuer"/> may sign in (a trailing slash does not count).</summary>
    public bool IsAllowedIssuer(string issuer) =>
        (AllowedIssuers.Count > 0 ? AllowedIssuers : [Authority ?? ""])
            .Any(allowed => string.Equals(allowed.TrimEnd('/'), issuer.TrimEnd('/'), StringComparison.Ordinal));

    /// <summary>The issuers token validation accepts besides the provider's metadata issuer; null to use only that.</summary>
    public IEnumerable<string>? ValidIssuers => AllowedIssuers.Count > 0 ? AllowedIssuers : null;

    public bool BrowserSignInEnabled => Enabled && !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && !(Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"Authentication:Oidc:Authority '{Authority}' must be an absolute http(s) address.", [nameof(Authority)]);
        }
        foreach (var issuer in AllowedIssuers.Where(i => !Uri.TryCreate(i, UriKind.Absolute, out _)))
        {
            yield return new ValidationResult($"Authentication:Oidc:AllowedIssuers entry '{issuer}' is not an absolute address.", [nameof(AllowedIssuers)]);
        }
        if (!Enabled && !string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("Authentication:Oidc:ClientId is set but Authentication:Oidc:Authority is not.", [nameof(ClientId)]);
        }
    }
}
