using System.Net.Http.Headers;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Data.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Infrastructure;

/// <summary>
/// The whole service over its own temp SQLite file: a fresh app (and database) per test.
/// Settings go in through <see cref="Settings"/> before the first client is created.
/// </summary>
public sealed class AuditApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "audit-api-tests", Guid.NewGuid().ToString("N"));

    public AuditApp()
    {
        Directory.CreateDirectory(_folder);
        Settings["Database:Provider"] = "sqlite";
        Settings["Database:ConnectionString"] = $"Data Source={DatabaseFile}";
        Settings["Audit:JobWorkers"] = "1";
        Settings["Evidence:Folder"] = Path.Combine(_folder, "evidence");
        Settings["Audit:PublicBaseUrl"] = "https://localhost";
        // No browser unless a test asks for one (Reports:ChromiumPath = /usr/bin/chromium): a background render job
        // would otherwise start Chromium in tests that are not about PDFs.
        Settings["Reports:ChromiumPath"] = Path.Combine(_folder, "no-chromium");
        // Secure cookies need HTTPS, as browsers see it behind the proxy.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The user behind each client made by <see cref="ClientForAsync"/>.</summary>
    public Dictionary<HttpClient, string> UserIds { get; } = [];

    /// <summary>The app behind each client made by <see cref="ClientForAsync"/>, for helpers that are handed only a client.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, AuditApp> Owners = [];

    public static AuditApp? OwnerOf(HttpClient client) => Owners.TryGetValue(client, out var app) ? app : null;

    public string DatabaseFile => Path.Combine(_folder, "audit.db");

    public string Folder => _folder;

    /// <summary>Replaces or post-configures services after the app registered its own (test doubles, keys).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client authenticated as a new user of <paramref name="role"/> (bound to <paramref name="institutionId"/> for respondents).</summary>
    public async Task<HttpClient> ClientForAsync(Role role, string? institutionId = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        var users = Services.GetRequiredService<IUserRepository>();
        var id = AccessTokens.NewId("u_");
        var now = DateTimeOffset.UtcNow;
        var token = AccessTokens.NewToken();
        var user = new User(id, $"Test {role}", $"{id}@test.local", role, institutionId, true, now);
        Assert.IsTrue(await users.InsertWithTokenAsync(user,
            new StoredToken(AccessTokens.NewId("t_"), id, TokenKind.PersonalAccessToken, AccessTokens.Hash(token), now, now.AddHours(1)),
            Actor.System.Did("user.created", "user", id, now)));
        UserIds[client] = id;
        Owners.AddOrUpdate(client, this);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // This app's database only: tests run in parallel, and clearing every pool gave other apps new native connections.
        if (Settings["Database:Provider"] == "sqlite")
        {
            new DbConnectionFactory(DatabaseProvider.Sqlite, Settings["Database:ConnectionString"]!).ClearSqlitePools();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned by the OS eventually.
        }
    }
}
