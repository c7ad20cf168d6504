using System.Runtime.CompilerServices;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Audit.Data.Connections;

public sealed class DbConnectionFactory : IDbConnectionFactory
{
    /// <summary>How long a SQLite writer waits for another one to commit before giving up.</summary>
    internal const int SqliteBusyTimeoutSeconds = 30;

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> ConfiguredHandles = [];
    private static readonly object Configured = new();

    private readonly string _connectionString;
    private readonly string _toolConnectionString;
    private readonly Func<string, SqliteConnection> _newSqlite;

    /// <param name="provider">The engine.</param>
    /// <param name="connectionString">Its connection string.</param>
    /// <param name="sqliteConnections">
    /// Makes the SQLite connection objects (default: <c>new SqliteConnection</c>); a test passes a subclass that counts
    /// the commands the service sends.
    /// </param>
    public DbConnectionFactory(DatabaseProvider provider, string connectionString, Func<string, SqliteConnection>? sqliteConnections = null)
    {
        Provider = provider;
        Dialect = SqlDialects.For(provider);
        _connectionString = provider == DatabaseProvider.Sqlite ? PrepareSqlite(connectionString, foreignKeys: null) : connectionString;
        // Tools open the connection from Create() themselves, without OpenAsync's once-per-handle settings, so theirs
        // still has Microsoft.Data.Sqlite turn foreign keys on at every open (a separate pool; they open rarely).
        _toolConnectionString = provider == DatabaseProvider.Sqlite ? PrepareSqlite(connectionString, foreignKeys: true) : connectionString;
        _newSqlite = sqliteConnections ?? (cs => new SqliteConnection(cs));
        DapperSetup.EnsureRegistered();
    }

    public DatabaseProvider Provider { get; }

    public ISqlDialect Dialect { get; }

    /// <summary>For code that opens its own connections: with foreign keys on at every open, as before.</summary>
    public string ConnectionString => _toolConnectionString;

    /// <summary>
    /// Closes the idle pooled connections to THIS SQLite database (both pools: the service's and the tools'), so its
    /// files can be deleted or its journal mode is seen by every new connection. Not <c>ClearAllPools</c>: that also
    /// drops every other database's idle connections in the process, which made a neighbour's next open a new native
    /// connection (with its pragmas) at a random moment. No-op for the other engines.
    /// </summary>
    public void ClearSqlitePools()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
            SqliteConnection.ClearPool(new SqliteConnection(_toolConnectionString));
        }
    }

    public DbConnection Create() => Provider switch
    {
        DatabaseProvider.Sqlite => _newSqlite(_toolConnectionString),
        DatabaseProvider.Postgres => new NpgsqlConnection(_connectionString),
        DatabaseProvider.SqlServer => new SqlConnection(_connectionString),
        _ => throw new InvalidOperationException($"Unsupported provider {Provider}."),
    };

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = Provider == DatabaseProvider.Sqlite ? _newSqlite(_connectionString) : Create();
        try
        {
            await connection.OpenAsync(cancellationToken);
            // A pooled connection hands out the same native handle again, already configured: per-open pragmas were a
            // quarter of an autosave's statements (ForeignKeys=true in the connection string runs one on every open).
            if (connection is SqliteConnection { Handle: { } handle } && !ConfiguredHandles.TryGetValue(handle, out _))
            {
                await ConfigureSqliteAsync(connection, cancellationToken);
                ConfiguredHandles.AddOrUpdate(handle, Configured);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Per-connection SQLite settings, neither stored in the file: set once on each new native connection. foreign_keys
    /// stays on for the native connection's life, through every return to the pool and reuse.
    /// <para>
    /// busy_timeout lets SQLite itself wait for a competing writer, polling every few milliseconds (measured: a lock
    /// freed after 30 ms is taken after about 36 ms). Without it, Microsoft.Data.Sqlite retries a busy statement only
    /// every 150 ms, which throttles concurrent writers to a handful per second.
    /// </para>
    /// <para>
    /// synchronous = NORMAL, the standard setting for WAL: a commit appends to the WAL without an fsync; the WAL is
    /// synced at each checkpoint. A committed transaction survives a crash or <c>kill -9</c> of this process (the
    /// written pages are in the OS page cache); only a power loss or kernel crash can roll back the last commits before
    /// the next checkpoint, and the database stays consistent either way. FULL adds one fsync per commit, which on the
    /// benchmark VM cost 0.4–6 ms while holding the write lock: every writer queued behind it (see README "Performance").
    /// </para>
    /// </summary>
    private static async Task ConfigureSqliteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {SqliteBusyTimeoutSeconds * 1000}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = 1;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Defaults the SQLite file to data/audit.db and creates its folder. <paramref name="foreignKeys"/> true makes
    /// Microsoft.Data.Sqlite run the pragma at every open; null leaves it to <see cref="ConfigureSqliteAsync"/>, once per
    /// native connection. WAL is persistent in the file and set once by the migrator.
    /// </summary>
    private static string PrepareSqlite(string connectionString, bool? foreignKeys)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DatabaseOptions.DefaultSqliteFile}" : connectionString)
        {
            ForeignKeys = foreignKeys,
            // Microsoft.Data.Sqlite also retries SQLITE_BUSY itself, every 150 ms, until the command timeout passes.
            DefaultTimeout = SqliteBusyTimeoutSeconds,
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
