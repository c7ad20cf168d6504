using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Audit.Api.Access;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Audit.Api.Tests.Access;

/// <summary>OIDC bearer validation against a locally generated signing key, standing in for SURFconext or Entra ID.</summary>
[TestClass]
public sealed class OidcTests
{
    private const string Issuer = "https://idp.test";
    private const string Audience = "audit";

    private static AuditApp AppTrusting(SecurityKey key)
    {
        var app = new AuditApp();
        app.Settings["Authentication:Oidc:Authority"] = Issuer;
        app.Settings["Authentication:Oidc:Audience"] = Audience;
        app.TestServices = services => services.PostConfigure<JwtBearerOptions>(AccessExtensions.OidcScheme, jwt =>
        {
            // No metadata download: the "provider" is this key.
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(key);
            jwt.Configuration = configuration;
            jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });
        return app;
    }

    private static string Token(SecurityKey key, string email, string audience = Audience, DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            // A verified e-mail: the first sign-in links the account by it (see OidcIdentityTests).
            Subject = new ClaimsIdentity([new Claim("sub", "idp-123"), new Claim("email", email), new Claim("email_verified", "true", ClaimValueTypes.Boolean)]),
            NotBefore = (expires ?? DateTime.UtcNow).AddMinutes(-30),
            IssuedAt = (expires ?? DateTime.UtcNow).AddMinutes(-30),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

    private static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    [TestMethod]
    public async Task A_signed_token_maps_to_the_user_with_that_email()
    {
        var key = NewKey();
        await using var app = AppTrusting(key);
        using var admin = await app.ClientForAsync(Role.Admin);
        await admin.PostAsJsonAsync("/api/v1/users", new { name = "O", email = "o@ocw.nl", role = "ministry" });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token(key, "O@ocw.nl"));

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.AreEqual("ministry", me.GetProperty("role").GetString());
    }

    [TestMethod]
    public async Task Tokens_from_another_key_audience_or_for_unknown_users_are_refused()
    {
        var key = NewKey();
        await using var app = AppTrusting(key);
        using var admin = await app.ClientForAsync(Role.Admin);
        await admin.PostAsJsonAsync("/api/v1/users", new { name = "O", email = "o@ocw.nl", role = "ministry" });

        foreach (var token in new[]
        {
            Token(NewKey(), "o@ocw.nl"),
            Token(key, "o@ocw.nl", audience: "someone-else"),
            Token(key, "stranger@example.org"),
            Token(key, "o@ocw.nl", expires: DateTime.UtcNow.AddMinutes(-10)), // beyond the default 5-minute clock skew
        })
        {
            using var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        }
    }
}
