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

    /// <summary>The claim whose value is matched to a user's email.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>This service's client id at the provider, for the browser sign-in.</summary>
    public string? ClientId { get; set; }

    /// <summary>A confidential client's secret; leave empty for a public client (PKCE alone).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Only for a local test provider on plain HTTP: metadata must otherwise come over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public bool BrowserSignInEnabled => Enabled && !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && !(Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"Authentication:Oidc:Authority '{Authority}' must be an absolute http(s) address.", [nameof(Authority)]);
        }
        if (!Enabled && !string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("Authentication:Oidc:ClientId is set but Authentication:Oidc:Authority is not.", [nameof(ClientId)]);
        }
    }
}
