using Audit.Data.Connections;
using Npgsql;

namespace Audit.TestSupport;

/// <summary>
/// The README's PostgreSQL grants for a runtime role apart from the migration role, for the tests that prove them. The
/// runtime role's login comes from AUDIT_TEST_POSTGRES_RUNTIME ("Username=…;Password=…", created by .ci/run): creating a
/// role needs rights the test role does not have.
/// </summary>
public static class PostgresRoles
{
    public const string RuntimeVariable = "AUDIT_TEST_POSTGRES_RUNTIME";

    /// <summary>As the owner, before the first migration: what the runtime role gets on everything the owner creates.</summary>
    public static string DefaultPrivileges(string owner, string runtime) => $"""
        GRANT USAGE ON SCHEMA public TO {runtime};
        ALTER DEFAULT PRIVILEGES FOR ROLE {owner} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {runtime};
        ALTER DEFAULT PRIVILEGES FOR ROLE {owner} GRANT USAGE, SELECT ON SEQUENCES TO {runtime};
        ALTER DEFAULT PRIVILEGES FOR ROLE {owner} GRANT USAGE ON SCHEMAS TO {runtime};
        """;

    /// <summary>As the owner, after the first migration (idempotent; also what an existing database needs).</summary>
    public static string AfterMigration(string runtime) => $"""
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {runtime};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {runtime};
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {runtime};
        """;

    /// <summary>The runtime role's connection string to <paramref name="database"/>, or skip (fail when postgres is required).</summary>
    public static string RequireRuntimeRole(TestDatabase database)
    {
        var login = Environment.GetEnvironmentVariable(RuntimeVariable);
        if (string.IsNullOrWhiteSpace(login))
        {
            if (TestEngines.IsRequired(DatabaseProvider.Postgres))
            {
                Assert.Fail($"postgres is required by AUDIT_REQUIRE_ENGINES but {RuntimeVariable} is not set (see .ci/run).");
            }
            Assert.Inconclusive($"Set {RuntimeVariable}=\"Username=…;Password=…\" to a login role without rights to run this test.");
        }
        var given = new NpgsqlConnectionStringBuilder(login);
        return new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = given.Username, Password = given.Password }.ToString();
    }

    /// <summary>Creates <paramref name="database"/>'s schema with its owner, with the runtime grants before and after.</summary>
    public static async Task<string> MigrateWithRuntimeRoleAsync(TestDatabase database)
    {
        var runtime = RequireRuntimeRole(database);
        var owner = new NpgsqlConnectionStringBuilder(database.ConnectionString).Username!;
        var runtimeName = new NpgsqlConnectionStringBuilder(runtime).Username!;
        await ExecuteAsync(database.ConnectionString, DefaultPrivileges(owner, runtimeName));
        database.Migrator().Migrate();
        await ExecuteAsync(database.ConnectionString, AfterMigration(runtimeName));
        return runtime;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
