namespace Audit.Api.Access;

/// <summary>
/// Configuration section <c>Authentication:Oidc</c>: JWT bearer tokens from the bureau's or an
/// institution's identity provider (SURFconext, Entra ID). Off unless <see cref="Authority"/> is set.
/// </summary>
public sealed class OidcOptions
{
    public const string SectionName = "Authentication:Oidc";

    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>The claim whose value is matched to a user's email.</summary>
    public string EmailClaim { get; set; } = "email";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
