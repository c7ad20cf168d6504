using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Pages;
using Audit.Core.Access;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Audit.Api.Tests.Hosting;

/// <summary>
/// Two web instances over one database share the data-protection key ring (it lives in the database), so a form
/// rendered by one instance is accepted by the other, as behind a load balancer without sticky sessions.
/// </summary>
[TestClass]
public sealed class SharedKeyRingTests
{
    [TestMethod]
    public async Task An_antiforgery_token_made_by_one_instance_validates_on_another_over_the_same_database()
    {
        await using var first = new AuditApp();
        await using var second = new AuditApp();
        await AssertSharedAsync(first, second);
    }

    [TestMethod]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_still_shared()
    {
        await using var first = new AuditApp();
        await using var second = new AuditApp();
        var certificate = Path.Combine(first.Folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=audit data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(certificate, made.Export(X509ContentType.Pfx, "geheim"));
        }
        foreach (var app in new[] { first, second })
        {
            app.Settings["Audit:DataProtection:CertificatePath"] = certificate;
            app.Settings["Audit:DataProtection:Password"] = "geheim";
        }

        await AssertSharedAsync(first, second);

        await using var connection = new SqliteConnection($"Data Source={first.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT xml FROM data_protection_keys", connection);
        var xml = (string)(await command.ExecuteScalarAsync())!;
        Assert.Contains("EncryptedData", xml);
        Assert.DoesNotContain("<masterKey", xml, "the key material is not stored in the clear");
    }

    private static async Task AssertSharedAsync(AuditApp first, AuditApp second)
    {
        first.Settings["Audit:Pages:TokenSignIn"] = "true";
        second.Settings["Audit:Pages:TokenSignIn"] = "true";
        second.Settings["Database:ConnectionString"] = $"Data Source={first.DatabaseFile}";

        // The first instance renders the sign-in form: the antiforgery cookie and the form field are its work.
        using var onFirst = RawBrowser(first);
        var form = await onFirst.GetAsync(new Uri("/aanmelden", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, form.StatusCode);
        var cookies = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        Assert.Contains("audit_af", cookies.Select(c => c.Split('=')[0]).ToList());
        var field = await RespondentWorld.TokenFromHtmlAsync(form);
        var token = await Browser.UserWithTokenAsync(first, "Sessie", Role.Analyst);

        // The second instance receives the post: it never saw this token, only the database.
        using var onSecond = RawBrowser(second);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/aanmelden")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", field), new("token", token)]),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        var signIn = await onSecond.SendAsync(post);

        Assert.AreEqual(HttpStatusCode.Redirect, signIn.StatusCode, await signIn.Content.ReadAsStringAsync());
    }

    /// <summary>A browser-like client that keeps no cookies, so the test carries them between instances itself.</summary>
    private static HttpClient RawBrowser(AuditApp app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = app.ClientOptions.BaseAddress,
        });
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return client;
    }
}
