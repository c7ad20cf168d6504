using Audit.Data.Connections;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// The whole service on a real loopback port (Kestrel, not the in-memory test server) over its own temp SQLite
/// file, so a real browser can open it. The token sign-in form is switched on, as it is in Development.
/// It speaks HTTPS with a throw-away self-signed certificate: outside Development the session and antiforgery
/// cookies are Secure and antiforgery refuses plain HTTP, exactly as browsers meet the service behind its proxy.
/// </summary>
public sealed class WebApp : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "audit-web-tests", Guid.NewGuid().ToString("N"));
    private readonly Action<IServiceCollection>? testServices;

    private WebApp(Action<IServiceCollection>? testServices)
    {
        this.testServices = testServices;
        Directory.CreateDirectory(folder);
    }

    /// <summary>Where the browser goes, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Starts the service; <paramref name="testServices"/> may add to or wrap its services (as <see cref="SectorViewSignals"/> does).</summary>
    public static WebApp Start(Action<IServiceCollection>? testServices = null)
    {
        var app = new WebApp(testServices);
        var certificate = SelfSignedCertificate();
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.BaseUrl = new Uri(address);
        // Create the data-protection key now: tests that start side by side would otherwise each create one on
        // their first request, and a token protected with one key fails antiforgery on a node holding the other.
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect("warm-up");
        return app;
    }

    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>The address mails link to (<c>Audit:PublicBaseUrl</c>): the service's public name, not this test port.</summary>
    public static Uri PublicBaseUrl { get; } = new("https://audit.example.nl");

    /// <summary>Where the service writes each mail it sends as an .eml file.</summary>
    public string MailFolder => Path.Combine(folder, "mail");

    /// <summary>An API client over real HTTPS with a bearer token (the test certificate is trusted for this client only).</summary>
    public HttpClient ApiClient(string token)
    {
#pragma warning disable CA2000 // the client owns and disposes the handler
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
#pragma warning restore CA2000
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = BaseUrl };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // A PKCS#12 round trip gives a key that TLS can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "audit.db")}");
        builder.UseSetting("Audit:JobWorkers", "1");
        builder.UseSetting("Audit:Pages:TokenSignIn", "true");
        builder.UseSetting("Evidence:Folder", Path.Combine(folder, "evidence"));
        // Mail goes to a folder of .eml files, with links to the address people would use; tests follow those links here.
        builder.UseSetting("Mail:PickupFolder", MailFolder);
        builder.UseSetting("Audit:PublicBaseUrl", PublicBaseUrl.ToString());
        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }

    /// <summary>A user with a personal access token, as an admin would create them; returns the plain token.</summary>
    public async Task<string> UserWithTokenAsync(string name, Role role = Role.Analyst, string? institutionId = null)
    {
        var users = Services.GetRequiredService<IUserRepository>();
        var id = AccessTokens.NewId("u_");
        var now = DateTimeOffset.UtcNow;
        var token = AccessTokens.NewToken();
        var user = new User(id, name, $"{id}@test.local", role, institutionId, true, now);
        Assert.IsTrue(await users.InsertWithTokenAsync(user,
            new StoredToken(AccessTokens.NewId("t_"), id, TokenKind.PersonalAccessToken, AccessTokens.Hash(token), now, now.AddHours(1)),
            Actor.System.Did("user.created", "user", id, now)));
        return token;
    }

    /// <summary>A single-use invitation link for a new user, as the bureau would send it; returns its path.</summary>
    public async Task<string> InvitationForAsync(string name, Role role = Role.Respondent, string? institutionId = null)
    {
        var users = Services.GetRequiredService<IUserRepository>();
        var id = AccessTokens.NewId("u_");
        var now = DateTimeOffset.UtcNow;
        var token = AccessTokens.NewToken();
        Assert.IsTrue(await users.InsertAsync(new User(id, name, $"{id}@test.local", role, institutionId, true, now), Actor.System.Did("user.created", "user", id, now)));
        await users.InsertTokenAsync(
            new StoredToken(AccessTokens.NewId("t_"), id, TokenKind.Invitation, AccessTokens.Hash(token), now, now.AddDays(1)),
            Actor.System.Did("invitation.created", "user", id, now));
        return "/uitnodiging/" + Uri.EscapeDataString(token);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // This app's database only: clearing every pool would drop the idle connections of apps still running.
        new DbConnectionFactory(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "audit.db")}").ClearSqlitePools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned by the OS eventually.
        }
    }
}
