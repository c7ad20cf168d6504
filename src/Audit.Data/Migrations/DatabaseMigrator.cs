using EvolveDb;
using EvolveDb.Dialect;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Audit.Data.Migrations;

/// <summary>
/// Applies the forward-only scripts in <c>sql/&lt;engine&gt;/V*.sql</c> with Evolve: a journal table
/// (<c>changelog</c>), a checksum per applied script (an edited one is refused, naming the file), and
/// Evolve's application lock so that two processes starting at once don't both migrate. Migrations run over
/// <paramref name="migrationFactory"/> when given (a role that owns the schema), the readiness check over the runtime one.
/// </summary>
public sealed class DatabaseMigrator(
    DbConnectionFactory factory, ILogger<DatabaseMigrator> logger, string? scriptRoot = null, DbConnectionFactory? migrationFactory = null)
{
    public const string JournalTable = "changelog";

    /// <summary>The engine's script folder: <c>sql/&lt;engine&gt;</c> beside the binaries unless a root is given (tests).</summary>
    public string ScriptFolder => Path.Combine(scriptRoot ?? Path.Combine(AppContext.BaseDirectory, "sql"), factory.Provider.FolderName());

    public void Migrate()
    {
        if (!Directory.Exists(ScriptFolder))
        {
            throw new MigrationException($"Migration scripts not found in '{ScriptFolder}'.");
        }
        var owner = migrationFactory ?? factory;
        using var connection = owner.Create();
        if (owner.Provider == DatabaseProvider.Sqlite)
        {
            EnableWal(connection);
            owner.ClearSqlitePools();
        }
        var evolve = new Evolve(connection, message => logger.LogInformation("{Message}", message), DbmsFor(factory.Provider))
        {
            Locations = [ScriptFolder],
            MetadataTableName = JournalTable,
            IsEraseDisabled = true,
            // Seeds and data fixes are versioned scripts too; repeatable scripts are not used.
            OutOfOrder = false,
        };
        try
        {
            // Evolve's application lock is a no-op on SQLite: a lock file beside the database stands in for it.
            using var fileLock = owner.Provider == DatabaseProvider.Sqlite ? SqliteMigrationLock.Acquire(owner.ConnectionString) : null;
            evolve.Migrate();
        }
        catch (Exception ex) when (ex is not MigrationException)
        {
            // Evolve's message names the script (e.g. "invalid checksum for migration: V1__x.sql").
            throw new MigrationException($"Database migration failed ({factory.Provider.FolderName()}): {Flatten(ex)}", ex);
        }
    }

    /// <summary>Names of the scripts on disk that are not yet recorded as applied: the readiness check.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        var onDisk = Directory.Exists(ScriptFolder)
            ? Directory.GetFiles(ScriptFolder, "V*.sql").Select(Path.GetFileName).OfType<string>().ToList()
            : [];
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM {JournalTable} WHERE success = {(factory.Provider == DatabaseProvider.Postgres ? "true" : "1")}";
        var applied = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            // No journal yet: everything is pending.
        }
        return onDisk.Where(f => !applied.Contains(f)).Order(StringComparer.Ordinal).ToList();
    }

    private static void EnableWal(DbConnection connection)
    {
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            // Persistent in the file: readers never block the writer. In-memory databases ignore it.
            command.CommandText = "PRAGMA journal_mode=WAL;";
            command.ExecuteNonQuery();
        }
        connection.Close();
    }

    private static DBMS DbmsFor(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => DBMS.SQLite,
        DatabaseProvider.Postgres => DBMS.PostgreSQL,
        DatabaseProvider.SqlServer => DBMS.SQLServer,
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    private static string Flatten(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
            {
                messages.Add(e.Message);
            }
        }
        return string.Join(" → ", messages);
    }
}

/// <summary>
/// An exclusive lock file next to the SQLite database, held while migrating; waits up to a minute. The file
/// stays: deleting it on release would let a waiter lock the unlinked file while a newcomer locks a new one.
/// </summary>
internal static class SqliteMigrationLock
{
    public static IDisposable? Acquire(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return null;
        }
        var path = Path.GetFullPath(dataSource) + ".migrate.lock";
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }
}

public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
