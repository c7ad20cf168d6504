using System.ComponentModel.DataAnnotations;

namespace Audit.Api.Hosting;

/// <summary>Configuration section <c>Audit</c>: how this process runs.</summary>
public sealed class AuditOptions : IValidatableObject
{
    public const string SectionName = "Audit";

    /// <summary><c>web</c>, <c>worker</c> or <c>all</c> (default); also <c>--role</c> on the command line.</summary>
    public string Role { get; set; } = "all";

    /// <summary>When set and no admin exists yet, the first start creates an admin that signs in with this token.</summary>
    public string? BootstrapAdminToken { get; set; }

    /// <summary>Redirect plain HTTP to HTTPS. Off by default: TLS ends at the proxy in front of the service.</summary>
    public bool RequireHttps { get; set; }

    /// <summary>Addresses of reverse proxies whose X-Forwarded-* headers are trusted (loopback always is).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR) of reverse proxies whose X-Forwarded-* headers are trusted.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Hangfire workers in this process when it runs jobs.</summary>
    [Range(1, 64)]
    public int JobWorkers { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>
    /// Seconds between sweeps of dirty sector views (default 60: every minute). Shorter intervals are for drills and
    /// small deployments; the job scheduler then polls at the same pace.
    /// </summary>
    [Range(1, 3600)]
    public int SweepIntervalSeconds { get; set; } = 60;

    /// <summary>Requests per minute per signed-in user (or per address when anonymous).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// Minutes a web session may go unused before it is refused (default 60). Sessions also end eight hours after
    /// sign-in whatever their use.
    /// </summary>
    [Range(1, 24 * 60)]
    public int SessionIdleMinutes { get; set; } = 60;

    /// <summary>How the data-protection keys in the database are encrypted at rest (optional).</summary>
    public KeyProtectionOptions DataProtection { get; set; } = new();

    /// <summary>
    /// The address people reach the service at (e.g. <c>https://audit.example.nl</c>), for links in e-mail: jobs and page
    /// handlers have no request to take the host from, and behind a proxy the request's host is not what people type.
    /// Unset means no mail with links can be sent.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public ProcessRole ParsedRole => ProcessRoles.TryParse(Role, out var role) ? role : ProcessRole.All;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ProcessRoles.TryParse(Role, out _))
        {
            yield return new ValidationResult($"Audit:Role '{Role}' is not supported; use web, worker or all.", [nameof(Role)]);
        }
        if (BootstrapAdminToken is { } token && token.Length < AccessTokens.MinimumSuppliedLength)
        {
            yield return new ValidationResult(
                $"Audit:BootstrapAdminToken must be at least {AccessTokens.MinimumSuppliedLength} characters.", [nameof(BootstrapAdminToken)]);
        }
        foreach (var proxy in KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Audit:KnownProxies entry '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl) && !PublicLinks.IsValidBase(PublicBaseUrl))
        {
            yield return new ValidationResult(
                $"Audit:PublicBaseUrl '{PublicBaseUrl}' must be an absolute http(s) address without query or fragment, e.g. https://audit.example.nl.",
                [nameof(PublicBaseUrl)]);
        }
        if (!string.IsNullOrWhiteSpace(DataProtection.CertificatePath) && !File.Exists(DataProtection.CertificatePath))
        {
            yield return new ValidationResult(
                $"Audit:DataProtection:CertificatePath '{DataProtection.CertificatePath}' does not exist.", [nameof(DataProtection)]);
        }
        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Audit:KnownNetworks entry '{network}' is not a CIDR network.", [nameof(KnownNetworks)]);
        }
    }
}

/// <summary>
/// Section <c>Audit:DataProtection</c>: a certificate (PKCS#12 file with its private key) that encrypts the keys stored in
/// <c>data_protection_keys</c>, so that reading the table (or a backup) is not enough to forge tokens. Every instance
/// needs the same certificate; a key written before it was configured stays readable.
/// </summary>
public sealed class KeyProtectionOptions
{
    public string? CertificatePath { get; set; }

    public string? Password { get; set; }
}
