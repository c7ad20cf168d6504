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

/// <summary>
/// OIDC bearer tokens are bound to the provider account (iss + sub) on the first sign-in, with keys made here standing
/// in for the providers' signing keys.
/// </summary>
[TestClass]
public sealed class OidcIdentityTests
{
    private const string Issuer = "https://idp.test";
    private const string SecondIssuer = "https://second-idp.test";
    private const string UnlistedIssuer = "https://unlisted-idp.test";
    private const string Audience = "audit";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "identity-tests" };

    private static AuditApp App(params string[] allowedIssuers)
    {
        var app = new AuditApp();
        app.Settings["Authentication:Oidc:Authority"] = Issuer;
        app.Settings["Authentication:Oidc:Audience"] = Audience;
        for (var i = 0; i < allowedIssuers.Length; i++)
        {
            app.Settings[$"Authentication:Oidc:AllowedIssuers:{i}"] = allowedIssuers[i];
        }
        app.TestServices = services => services.PostConfigure<JwtBearerOptions>(AccessExtensions.OidcScheme, jwt =>
        {
            // One key signs for every issuer in these tests: which issuer may sign in is the setting under test.
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            jwt.Configuration = configuration;
            jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });
        return app;
    }

    private static string Token(string email, string subject, string issuer = Issuer, bool? emailVerified = true)
    {
        List<Claim> claims = [new("sub", subject), new("email", email)];
        if (emailVerified is { } verified)
        {
            claims.Add(new Claim("email_verified", verified ? "true" : "false", ClaimValueTypes.Boolean));
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static async Task<string> UserAsync(AuditApp app, string email)
    {
        using var admin = await app.ClientForAsync(Role.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { name = "O", email, role = "ministry" });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<HttpResponseMessage> MeAsync(AuditApp app, string token)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return await client.GetAsync("/api/v1/me");
    }

    private static async Task<string?> MeIdAsync(AuditApp app, string token)
    {
        var response = await MeAsync(app, token);
        return response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() : null;
    }

    [TestMethod]
    public async Task The_first_sign_in_links_the_account_and_later_ones_match_by_subject_alone()
    {
        await using var app = App();
        var id = await UserAsync(app, "o@ocw.nl");
        var other = await UserAsync(app, "p@ocw.nl");

        Assert.AreEqual(id, await MeIdAsync(app, Token("o@ocw.nl", "sub-o")), "first sign-in: linked by the verified e-mail");
        Assert.AreEqual(id, await MeIdAsync(app, Token("o.new@ocw.nl", "sub-o")), "a changed e-mail at the provider: still the same account");
        Assert.AreEqual(id, await MeIdAsync(app, Token("p@ocw.nl", "sub-o", emailVerified: null)), "the account keeps its user, whatever e-mail it asserts");
        Assert.AreNotEqual(other, await MeIdAsync(app, Token("p@ocw.nl", "sub-o")));
        Assert.IsNull(await MeIdAsync(app, Token("o@ocw.nl", "sub-someone-else")), "another account with the linked user's e-mail gets nothing");
    }

    [TestMethod]
    public async Task An_unverified_e_mail_links_nothing()
    {
        await using var app = App();
        await UserAsync(app, "o@ocw.nl");

        await ProblemAssert.IsProblemAsync(await MeAsync(app, Token("o@ocw.nl", "sub-o", emailVerified: false)), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await MeAsync(app, Token("o@ocw.nl", "sub-o", emailVerified: null)), HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task Without_the_verified_requirement_a_provider_without_the_claim_links()
    {
        await using var app = App();
        app.Settings["Authentication:Oidc:RequireVerifiedEmail"] = "false";
        var id = await UserAsync(app, "o@ocw.nl");

        Assert.AreEqual(id, await MeIdAsync(app, Token("o@ocw.nl", "sub-o", emailVerified: null)));
    }

    [TestMethod]
    public async Task A_listed_second_issuer_signs_in_its_own_users_but_not_one_linked_elsewhere()
    {
        await using var app = App(Issuer, SecondIssuer);
        var linked = await UserAsync(app, "o@ocw.nl");
        var fresh = await UserAsync(app, "q@ocw.nl");
        Assert.AreEqual(linked, await MeIdAsync(app, Token("o@ocw.nl", "sub-o")));

        Assert.AreEqual(fresh, await MeIdAsync(app, Token("q@ocw.nl", "sub-q", SecondIssuer)), "a listed issuer works");
        await ProblemAssert.IsProblemAsync(await MeAsync(app, Token("o@ocw.nl", "sub-o", SecondIssuer)), HttpStatusCode.Unauthorized);
        Assert.AreEqual(linked, await MeIdAsync(app, Token("o@ocw.nl", "sub-o")), "the link itself is untouched");
    }

    [TestMethod]
    public async Task An_unlisted_issuer_is_refused_even_with_a_trusted_key()
    {
        await using var app = App(Issuer, SecondIssuer);
        await UserAsync(app, "u@ocw.nl");

        await ProblemAssert.IsProblemAsync(await MeAsync(app, Token("u@ocw.nl", "sub-u", UnlistedIssuer)), HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task With_a_list_the_authoritys_own_issuer_counts_only_when_listed()
    {
        await using var app = App(SecondIssuer);
        await UserAsync(app, "u@ocw.nl");

        await ProblemAssert.IsProblemAsync(await MeAsync(app, Token("u@ocw.nl", "sub-u")), HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public void Allowed_issuers_must_be_absolute_addresses()
    {
        var options = new OidcOptions { Authority = Issuer, AllowedIssuers = ["not an address"] };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.HasCount(1, errors);
        Assert.Contains("AllowedIssuers", errors[0].ErrorMessage!);
    }
}
