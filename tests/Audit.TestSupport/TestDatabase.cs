using System.Data.Common;
using Audit.Data.Connections;
using Audit.Data.Migrations;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Audit.TestSupport;

/// <summary>
/// A fresh, migrated database that belongs to one test class: a temp file on SQLite, a new database on
/// PostgreSQL and SQL Server. Tests never share data.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string _name;

    private TestDatabase(DatabaseProvider provider, string connectionString, string name, string? adminConnectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _name = name;
        _adminConnectionString = adminConnectionString;
        Factory = new DbConnectionFactory(provider, connectionString);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public DbConnectionFactory Factory { get; }

    /// <summary>Creates an empty database (not migrated). Skips or fails the test if the engine is not configured.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        var admin = TestEngines.RequireConfigured(provider);
        var name = "audit_t_" + Guid.NewGuid().ToString("N")[..16];
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var folder = Path.Combine(Path.GetTempPath(), "audit-tests");
                Directory.CreateDirectory(folder);
                return new TestDatabase(provider, $"Data Source={Path.Combine(folder, name + ".db")}", name, null);
            case DatabaseProvider.Postgres:
                await ExecuteAsync(new NpgsqlConnection(admin), $"CREATE DATABASE {name}");
                return new TestDatabase(provider, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString(), name, admin);
            case DatabaseProvider.SqlServer:
                await ExecuteAsync(new SqlConnection(admin), $"CREATE DATABASE [{name}]");
                return new TestDatabase(provider, new SqlConnectionStringBuilder(admin) { InitialCatalog = name }.ToString(), name, admin);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider));
        }
    }

    /// <summary>Creates a database with every migration applied.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var db = await CreateEmptyAsync(provider);
        db.Migrator().Migrate();
        return db;
    }

    public DatabaseMigrator Migrator(string? scriptRoot = null) =>
        new(Factory, NullLogger<DatabaseMigrator>.Instance, scriptRoot);

    public async ValueTask DisposeAsync()
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                Factory.ClearSqlitePools();
                var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
                foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                {
                    try { File.Delete(path); } catch (IOException) { /* best effort: temp folder */ }
                }
                break;
            case DatabaseProvider.Postgres:
                NpgsqlConnection.ClearAllPools();
                await DropPostgresAsync();
                break;
            case DatabaseProvider.SqlServer:
                SqlConnection.ClearAllPools();
                await ExecuteAsync(new SqlConnection(_adminConnectionString),
                    $"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]");
                break;
        }
    }

    /// <summary>
    /// FORCE terminates the database's other sessions, but it fails (42501) when one of them belongs to another role,
    /// such as an autovacuum worker the server just started on the fresh tables; those end on their own within moments.
    /// </summary>
    private async Task DropPostgresAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(new NpgsqlConnection(_adminConnectionString), $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
