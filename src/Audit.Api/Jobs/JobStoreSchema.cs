using Audit.Data.Connections;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace Audit.Api.Jobs;

/// <summary>
/// Hangfire's own tables (schema <c>hangfire</c>). Hangfire creates and upgrades them itself when its storage starts,
/// which needs DDL rights. With a separate migration role (<c>Database:MigrationConnectionString</c>) the runtime role
/// has none, so the schema is installed here, with the migration role, right after the migrations; the storage then
/// skips its own preparation.
/// </summary>
public static class JobStoreSchema
{
    public const string Name = "hangfire";

    /// <summary>Whether the job storage prepares its schema itself: only when one role does both.</summary>
    public static bool StoragePreparesSchema(DatabaseOptions database) => string.IsNullOrWhiteSpace(database.MigrationConnectionString);

    /// <summary>Installs or upgrades the schema with the migration role; nothing without one, or on SQLite (in-memory jobs).</summary>
    public static void InstallWithMigrationRole(DatabaseOptions database)
    {
        if (StoragePreparesSchema(database))
        {
            return;
        }
        switch (database.ParsedProvider)
        {
            case DatabaseProvider.Postgres:
                using (var connection = new NpgsqlConnection(database.MigrationConnectionString))
                {
                    connection.Open();
                    PostgreSqlObjectsInstaller.Install(connection, Name);
                }
                break;
            case DatabaseProvider.SqlServer:
                using (var connection = new SqlConnection(database.MigrationConnectionString))
                {
                    connection.Open();
                    SqlServerObjectsInstaller.Install(connection, Name, enableHeavyMigrations: false);
                }
                break;
        }
    }
}
