using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;

namespace Audit.Api.Tests.Hosting;

[TestClass]
public sealed class HostingTests
{
    [TestMethod]
    public async Task Ready_on_a_fresh_sqlite_database_with_version_header()
    {
        await using var app = new AuditApp();
        using var client = app.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.OK, live.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, ready.StatusCode);
        Assert.AreEqual("1.0.0", ready.Headers.GetValues("API-Version").Single());
        Assert.IsTrue(File.Exists(app.DatabaseFile), "the SQLite file is created on first start");
    }

    [TestMethod]
    public async Task Ready_is_503_problem_naming_a_pending_migration()
    {
        await using var app = new AuditApp();
        var scripts = CopyScripts(app.Folder);
        app.Settings["Database:MigrationsPath"] = scripts;
        using var client = app.CreateClient();
        await File.WriteAllTextAsync(Path.Combine(scripts, "sqlite", "V999__later.sql"), "CREATE TABLE later (id INTEGER);");

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        var problem = await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("V999__later.sql", problem.GetProperty("detail").GetString()!);
    }

    [TestMethod]
    public async Task Editing_an_applied_migration_fails_start_up_naming_the_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "audit-api-tests", Guid.NewGuid().ToString("N"));
        var scripts = CopyScripts(folder);
        var database = Path.Combine(folder, "shared.db");
        await using (var first = new AuditApp())
        {
            first.Settings["Database:ConnectionString"] = $"Data Source={database}";
            first.Settings["Database:MigrationsPath"] = scripts;
            using var client = first.CreateClient();
            Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        }
        var v1 = Directory.GetFiles(Path.Combine(scripts, "sqlite"), "V1__*.sql").Single();
        await File.AppendAllTextAsync(v1, "\n-- edited after it was applied\n");

        await using var second = new AuditApp();
        second.Settings["Database:ConnectionString"] = $"Data Source={database}";
        second.Settings["Database:MigrationsPath"] = scripts;
        var error = Assert.Throws<Exception>(() => second.CreateClient());

        Assert.Contains(Path.GetFileName(v1), Flatten(error));
        Assert.Contains("checksum", Flatten(error));
    }

    [TestMethod]
    public async Task A_web_worker_split_on_sqlite_is_refused()
    {
        await using var app = new AuditApp();
        app.Settings["Audit:Role"] = "web";

        var error = Assert.Throws<Exception>(() => app.CreateClient());

        Assert.Contains("sqlite", Flatten(error));
        Assert.Contains("--role all", Flatten(error));
    }

    [TestMethod]
    public async Task A_short_bootstrap_token_is_refused_at_start()
    {
        await using var app = new AuditApp();
        app.Settings["Audit:BootstrapAdminToken"] = "too-short";

        var error = Assert.Throws<Exception>(() => app.CreateClient());

        Assert.Contains("BootstrapAdminToken", Flatten(error));
    }

    [TestMethod]
    public async Task The_bootstrap_token_signs_in_as_admin_and_is_stored_hashed()
    {
        var token = "aud_" + new string('x', 40);
        await using var app = new AuditApp();
        app.Settings["Audit:BootstrapAdminToken"] = token;
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var me = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative));

        Assert.AreEqual(Roles.Admin, me.GetProperty("role").GetString());
        var bytes = await File.ReadAllBytesAsync(app.DatabaseFile);
        Assert.IsFalse(System.Text.Encoding.UTF8.GetString(bytes).Contains(token, StringComparison.Ordinal), "the plain token is never stored");
    }

    [TestMethod]
    public async Task Unauthenticated_api_calls_get_a_401_problem_with_version_header()
    {
        await using var app = new AuditApp();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.AreEqual("1.0.0", response.Headers.GetValues("API-Version").Single());
    }

    [TestMethod]
    public async Task Unknown_paths_are_a_404_problem_for_a_signed_in_user()
    {
        await using var app = new AuditApp();
        using var client = await app.ClientForAsync(Role.Analyst);

        var response = await client.GetAsync(new Uri("/api/v1/does-not-exist", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.AreEqual("1.0.0", response.Headers.GetValues("API-Version").Single());
    }

    [TestMethod]
    public async Task A_revoked_or_unknown_token_is_refused()
    {
        await using var app = new AuditApp();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", AccessTokens.NewToken());

        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task The_jobs_dashboard_is_for_admins_only()
    {
        await using var app = new AuditApp();
        using var anonymous = app.CreateClient();
        using var analyst = await app.ClientForAsync(Role.Analyst);
        using var admin = await app.ClientForAsync(Role.Admin);

        Assert.AreEqual(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/jobs", UriKind.Relative))).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await analyst.GetAsync(new Uri("/jobs", UriKind.Relative))).StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/jobs", UriKind.Relative))).StatusCode);
    }

    internal static string CopyScripts(string folder)
    {
        var target = Path.Combine(folder, "sql");
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "sql"), "*.sql", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "sql"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" | ", messages);
    }
}
