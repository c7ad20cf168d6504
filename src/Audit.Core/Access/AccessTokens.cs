using System.Security.Cryptography;
using System.Text;

namespace Audit.Core.Access;

/// <summary>
/// Token material: 256 random bits with a recognisable prefix, so a leaked token is easy to spot
/// in logs and secret scanners. Only the SHA-256 hash is stored; the plain value is shown once.
/// </summary>
public static class AccessTokens
{
    public const string Prefix = "aud_";

    /// <summary>Tokens supplied from outside (the bootstrap admin token) must carry at least this much entropy.</summary>
    public const int MinimumSuppliedLength = 32;

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A short random identifier for rows: <paramref name="prefix"/> + 16 url-safe characters.</summary>
    public static string NewId(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(12));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
