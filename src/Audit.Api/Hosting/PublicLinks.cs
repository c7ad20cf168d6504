using Microsoft.Extensions.Options;

namespace Audit.Api.Hosting;

/// <summary>Absolute links to this service for e-mail, from <see cref="AuditOptions.PublicBaseUrl"/>.</summary>
public sealed class PublicLinks(IOptions<AuditOptions> options)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl);

    /// <summary>The absolute address of <paramref name="path"/> (which starts with a slash).</summary>
    /// <exception cref="InvalidOperationException">No public base URL is configured: check <see cref="IsConfigured"/> first.</exception>
    public string For(string path)
    {
        var baseUrl = options.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            throw new InvalidOperationException(NotConfigured);
        }
        return baseUrl.TrimEnd('/') + path;
    }

    public const string NotConfigured =
        "Audit:PublicBaseUrl is not set, so no e-mail with a link can be sent. Set it to the address people reach the service at.";

    public static bool IsValidBase(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
