using System.Data.Common;
using Audit.Data.Dialects;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Audit.Data.Connections;

public sealed class DbConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;

    public DbConnectionFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        Dialect = SqlDialects.For(provider);
        _connectionString = provider == DatabaseProvider.Sqlite ? PrepareSqlite(connectionString) : connectionString;
        DapperSetup.EnsureRegistered();
    }

    public DatabaseProvider Provider { get; }

    public ISqlDialect Dialect { get; }

    public string ConnectionString => _connectionString;

    public DbConnection Create() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(_connectionString),
        DatabaseProvider.Postgres => new NpgsqlConnection(_connectionString),
        DatabaseProvider.SqlServer => new SqlConnection(_connectionString),
        _ => throw new InvalidOperationException($"Unsupported provider {Provider}."),
    };

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = Create();
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Defaults the SQLite file to data/audit.db, creates its folder, and turns on foreign keys for
    /// every pooled connection. WAL is persistent in the file and set once by the migrator.
    /// </summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DatabaseOptions.DefaultSqliteFile}" : connectionString)
        {
            ForeignKeys = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout passes: this is our busy timeout.
            DefaultTimeout = 30,
            Pooling = true,
        };
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        return builder.ToString();
    }
}
