using Audit.Core.AuditTrail;
using Audit.Core.Questionnaires;
using Audit.Data.Connections;
using Audit.Data.Migrations;
using Audit.Data.Questionnaires;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Audit.Benchmarks;

/// <summary>A fresh, migrated database per benchmark with the shipped 2023 questionnaire: a temp SQLite file, or a new PostgreSQL database.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string _name = "audit_bench_" + Guid.NewGuid().ToString("N")[..12];

    private BenchDatabase(string? postgresAdmin)
    {
        _postgresAdmin = postgresAdmin;
        ConnectionString = postgresAdmin is null
            ? $"Data Source={Path.Combine(Path.GetTempPath(), _name + ".db")}"
            : new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = _name }.ToString();
        Factory = new DbConnectionFactory(Provider, ConnectionString);
    }

    public DatabaseProvider Provider => _postgresAdmin is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public string ConnectionString { get; }

    public DbConnectionFactory Factory { get; }

    public Questionnaire Questionnaire { get; private set; } = null!;

    public static async Task<BenchDatabase> CreateAsync(string? postgresAdmin)
    {
        var db = new BenchDatabase(postgresAdmin);
        if (postgresAdmin is not null)
        {
            await using var admin = new NpgsqlConnection(postgresAdmin);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {db._name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        new DatabaseMigrator(db.Factory, NullLogger<DatabaseMigrator>.Instance).Migrate();
        var loaded = QuestionnaireLoader.LoadYaml(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "templates", "questionnaires", "kennisveiligheid-2023.yaml")));
        db.Questionnaire = loaded.Value ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors));
        await new QuestionnaireRepository(db.Factory).InsertIfAbsentAsync(QuestionnaireJson.ToStored(db.Questionnaire, DateTimeOffset.UtcNow),
            Actor.System.Did("questionnaire.seeded", "questionnaire", "kennisveiligheid/2023", DateTimeOffset.UtcNow));
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is null)
        {
            Factory.ClearSqlitePools();
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_postgresAdmin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
