using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Audit.Api.Tests.Access;

/// <summary>
/// An OpenID Connect provider in the test process, standing in for SURFconext or Entra ID: discovery document, JWKS with a
/// locally generated RSA key, an authorize endpoint that "signs in" <see cref="Email"/> and redirects back with a code,
/// and a token endpoint that checks the client secret and the PKCE verifier before returning a signed id_token. It is a
/// real ASP.NET Core app on an in-memory server: Audit reaches it through its backchannel handler, the test's browser
/// through <see cref="Browser"/>.
/// </summary>
internal sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string Issuer = "https://idp.test";
    public const string ClientId = "audit-web";
    public const string ClientSecret = "test-client-secret";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();

    private sealed record Grant(string RedirectUri, string Nonce, string CodeChallenge, string Email, string Subject, bool EmailVerified);

    private FakeIdentityProvider(WebApplication app) => _app = app;

    /// <summary>Who signs in at the provider next.</summary>
    public string Email { get; set; } = "";

    /// <summary>The account (sub) that signs in next; by default one per e-mail.</summary>
    public string? Subject { get; set; }

    /// <summary>Whether the provider says it verified <see cref="Email"/> (the email_verified claim).</summary>
    public bool EmailVerified { get; set; } = true;

    /// <summary>When set, the id_token carries this nonce instead of the one Audit sent (a forged or mixed-up token).</summary>
    public string? ForgedNonce { get; set; }

    /// <summary>The query of the last authorization request, for checking what Audit asked for.</summary>
    public IQueryCollection? LastAuthorizeQuery { get; private set; }

    public int TokensIssued { get; private set; }

    public HttpMessageHandler BackchannelHandler => _app.GetTestServer().CreateHandler();

    /// <summary>The person's browser at the provider: no cookies needed, redirects not followed.</summary>
    public HttpClient Browser { get; private set; } = null!;

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        var provider = new FakeIdentityProvider(builder.Build());
        provider.Map();
        await provider._app.StartAsync();
        provider.Browser = provider._app.GetTestClient();
        provider.Browser.BaseAddress = new Uri(Issuer);
        return provider;
    }

    private void Map()
    {
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var rsa = _key.Rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) } } });
        });
        _app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            LastAuthorizeQuery = q;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
            {
                return Results.BadRequest("invalid_request");
            }
            var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
            _codes[code] = new Grant(q["redirect_uri"]!, q["nonce"]!, q["code_challenge"]!, Email, Subject ?? "idp-" + Email, EmailVerified);
            return Results.Redirect($"{q["redirect_uri"]}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(q["state"]!)}");
        });
        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant))
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }
            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["redirect_uri"] != grant.RedirectUri || challenge != grant.CodeChallenge)
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }
            TokensIssued++;
            var accessToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
            return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = IdToken(grant, accessToken) });
        });
    }

    private string IdToken(Grant grant, string accessToken) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = ClientId,
        IssuedAt = DateTime.UtcNow,
        NotBefore = DateTime.UtcNow,
        Expires = DateTime.UtcNow.AddMinutes(5),
        Claims = new Dictionary<string, object>
        {
            ["sub"] = grant.Subject,
            ["email"] = grant.Email,
            ["email_verified"] = grant.EmailVerified,
            ["nonce"] = ForgedNonce ?? grant.Nonce,
            // at_hash: the left half of the access token's SHA-256, as the spec has it for RS256.
            ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
        },
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    public async ValueTask DisposeAsync()
    {
        Browser?.Dispose();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}
