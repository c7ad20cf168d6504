using Audit.Data.Connections;
using Audit.TestSupport;
using Npgsql;

namespace Audit.Data.Tests.Access;

/// <summary>
/// The README's PostgreSQL grants, applied to a fresh database: the migration role (the test's admin role) owns the schema
/// and migrates; the runtime role reads and writes the tables but cannot rewrite the audit trail, nor change the schema.
/// The grants are <see cref="PostgresRoles"/>, the same as the README's.
/// </summary>
[TestClass]
public sealed class PostgresRuntimeRoleTests
{
    [TestMethod]
    public async Task The_runtime_role_appends_to_the_audit_trail_but_cannot_rewrite_it_or_change_the_schema()
    {
        await using var db = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        var app = new DbConnectionFactory(DatabaseProvider.Postgres, await PostgresRoles.MigrateWithRuntimeRoleAsync(db));

        await Fixtures.ExecuteRawAsync(app,
            "INSERT INTO audit_events (occurred_at, actor_id, actor_role, action, object_type, object_id) " +
            "VALUES (now(), 'u1', 'admin', 'test.appended', 'test', 'o1')");
        Assert.AreEqual(1, await CountAsync(app, "SELECT COUNT(*) FROM audit_events WHERE object_id = 'o1'"));
        var institution = Fixtures.NewInstitutionAsync(app);
        Assert.IsNotNull(await institution, "an ordinary change (row plus audit event) works as the runtime role");

        await AssertDeniedAsync(app, "UPDATE audit_events SET summary = 'x' WHERE object_id = 'o1'");
        await AssertDeniedAsync(app, "DELETE FROM audit_events WHERE object_id = 'o1'");
        await AssertDeniedAsync(app, "TRUNCATE audit_events");
        await AssertDeniedAsync(app, "CREATE TABLE intruder (id int)");
        await AssertDeniedAsync(app, "ALTER TABLE audit_events DISABLE TRIGGER ALL");
        await AssertDeniedAsync(app, "DROP TABLE data_protection_keys");
        Assert.AreEqual(1, await CountAsync(app, "SELECT COUNT(*) FROM audit_events WHERE object_id = 'o1'"));
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Refused for want of a privilege (42501), not by a trigger: the role itself may not.</summary>
    private static async Task AssertDeniedAsync(DbConnectionFactory factory, string sql)
    {
        var e = await Assert.ThrowsAsync<PostgresException>(() => Fixtures.ExecuteRawAsync(factory, sql), "The runtime role was allowed: " + sql);
        Assert.AreEqual(PostgresErrorCodes.InsufficientPrivilege, e.SqlState, $"{sql}: {e.MessageText}");
    }

    private static async Task<long> CountAsync(DbConnectionFactory factory, string sql)
    {
        await using var connection = await factory.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
