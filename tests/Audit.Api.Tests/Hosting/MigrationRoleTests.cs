using System.Net;
using System.Net.Http.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Data.Connections;
using Audit.TestSupport;
using Npgsql;

namespace Audit.Api.Tests.Hosting;

/// <summary>
/// <c>Database:MigrationConnectionString</c>: migrations (and Hangfire's schema) run with that role, everything else with
/// <c>Database:ConnectionString</c>, which may then be a role without DDL rights.
/// </summary>
[TestClass]
public sealed class MigrationRoleTests
{
    [TestMethod]
    public async Task Migrations_use_the_migration_connection_string_when_it_is_set()
    {
        await using var app = new AuditApp();
        // A database file that cannot be opened for writing: only the migrator connects with this string.
        var unopenable = Path.Combine(app.Folder, "absent", "owner.db");
        app.Settings["Database:MigrationConnectionString"] = $"Data Source={unopenable};Mode=ReadWrite";

        var error = Assert.Throws<Exception>(() => app.CreateClient());

        Assert.Contains("unable to open database file", Flatten(error));
        Assert.IsFalse(File.Exists(app.DatabaseFile) && new FileInfo(app.DatabaseFile).Length > 0, "nothing was migrated with the runtime string");
    }

    [TestMethod]
    public async Task On_postgres_the_service_runs_as_a_runtime_role_after_the_owner_migrated()
    {
        await using var db = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        var runtime = await PostgresRoles.MigrateWithRuntimeRoleAsync(db);
        await using var app = new AuditApp();
        app.Settings["Database:Provider"] = "postgres";
        app.Settings["Database:ConnectionString"] = runtime;
        app.Settings["Database:MigrationConnectionString"] = db.ConnectionString;

        using var admin = await app.ClientForAsync(Role.Admin);
        var ready = await admin.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var created = await admin.PostAsJsonAsync("/api/v1/institutions", new { id = "runtime-role", name = "Test", type = "nwo_instituut", city = "Texel" });

        Assert.AreEqual(HttpStatusCode.OK, ready.StatusCode, await ready.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        await using var connection = new NpgsqlConnection(runtime);
        await connection.OpenAsync();
        await using var owner = new NpgsqlCommand(
            "SELECT tableowner FROM pg_tables WHERE schemaname = 'hangfire' AND tablename = 'job'", connection);
        Assert.AreEqual(new NpgsqlConnectionStringBuilder(db.ConnectionString).Username, await owner.ExecuteScalarAsync(),
            "the migration role created Hangfire's tables");
        await app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" → ", messages);
    }
}
