using System.Data.Common;
using Audit.Data.Connections;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Audit.Drills;

/// <summary>A throw-away database for one drill: a temp SQLite file, or a new database on the configured PostgreSQL.</summary>
public sealed class DrillDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string _name;

    private DrillDatabase(DatabaseProvider provider, string connectionString, string name, string? adminConnectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _name = name;
        _adminConnectionString = adminConnectionString;
        Factory = new DbConnectionFactory(provider, connectionString);
    }

    public DatabaseProvider Provider { get; }

    public string ProviderName => Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";

    public string ConnectionString { get; }

    public DbConnectionFactory Factory { get; }

    public string? SqliteFile => Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    /// <summary>The PostgreSQL connection string the drills may use to create databases, or null when not configured.</summary>
    public static string? PostgresAdmin =>
        Environment.GetEnvironmentVariable("AUDIT_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    public static async Task<DrillDatabase> CreateAsync(DatabaseProvider provider, string workDir)
    {
        var name = "audit_drill_" + Guid.NewGuid().ToString("N")[..12];
        if (provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(workDir);
            return new DrillDatabase(provider, $"Data Source={Path.Combine(workDir, name + ".db")}", name, null);
        }
        var admin = PostgresAdmin ?? throw new DrillFailure("AUDIT_TEST_POSTGRES is not set.");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.ExecuteAsync($"CREATE DATABASE {name}");
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Timeout = 3, CommandTimeout = 10 };
        return new DrillDatabase(provider, builder.ToString(), name, admin);
    }

    /// <summary>Row counts of every application table, plus the audit trail (every event but reads, in order).</summary>
    public async Task<DatabaseSnapshot> SnapshotAsync(params string[] excludedTables)
    {
        await using var connection = await Factory.OpenAsync();
        var tables = (await connection.QueryAsync<string>(Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
            // The audit trail is compared below without read events, which reading confidential data adds.
            .Where(t => t != "audit_events" && !excludedTables.Contains(t, StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\"");
        }
        // Reading confidential data is itself audited; that is not a change to the data.
        var events = (await connection.QueryAsync<string>(
            "SELECT action || ' ' || object_type || ' ' || object_id FROM audit_events WHERE action NOT LIKE '%.read%' ORDER BY id")).ToList();
        return new DatabaseSnapshot(counts, events);
    }

    public async ValueTask DisposeAsync()
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                SqliteConnection.ClearAllPools();
                foreach (var path in new[] { SqliteFile!, SqliteFile + "-wal", SqliteFile + "-shm" })
                {
                    try { File.Delete(path); } catch (IOException) { /* best effort: temp folder */ }
                }
                break;
            case DatabaseProvider.Postgres:
                NpgsqlConnection.ClearAllPools();
                try
                {
                    await using var connection = new NpgsqlConnection(_adminConnectionString);
                    await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
                }
                catch (NpgsqlException ex)
                {
                    Console.WriteLine($"  (could not drop {_name}: {ex.Message})");
                }
                break;
        }
    }
}

public sealed record DatabaseSnapshot(SortedDictionary<string, long> RowCounts, IReadOnlyList<string> AuditEvents)
{
    /// <summary>Every difference, in words; empty when the two are the same.</summary>
    public IReadOnlyList<string> DifferencesFrom(DatabaseSnapshot before)
    {
        var differences = new List<string>();
        foreach (var table in before.RowCounts.Keys.Union(RowCounts.Keys))
        {
            var was = before.RowCounts.GetValueOrDefault(table, -1);
            var now = RowCounts.GetValueOrDefault(table, -1);
            if (was != now)
            {
                differences.Add($"table {table}: {was} rows before, {now} after");
            }
        }
        differences.AddRange(AuditEvents.Skip(before.AuditEvents.Count).Select(e => "new audit event: " + e));
        if (AuditEvents.Count < before.AuditEvents.Count || !before.AuditEvents.SequenceEqual(AuditEvents.Take(before.AuditEvents.Count)))
        {
            differences.Add("audit events before the drill changed or disappeared");
        }
        return differences;
    }
}

/// <summary>A drill's verdict: thrown with what went wrong, caught by the runner.</summary>
public sealed class DrillFailure(string message) : Exception(message);
