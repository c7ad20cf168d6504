using Audit.Data.Connections;
using Audit.Data.Migrations;
using Audit.TestSupport;
using Dapper;

namespace Audit.Data.Tests.Migrations;

public abstract class MigrationContract
{
    protected abstract DatabaseProvider Provider { get; }

    [TestMethod]
    public async Task Migrating_twice_applies_each_script_once_and_nothing_is_pending()
    {
        await using var db = await TestDatabase.CreateEmptyAsync(Provider);
        db.Migrator().Migrate();
        db.Migrator().Migrate();

        Assert.IsEmpty(await db.Migrator().PendingAsync(CancellationToken.None));
        await using var connection = await db.Factory.OpenAsync();
        var scripts = Directory.GetFiles(db.Migrator().ScriptFolder, "V*.sql").Length;
        var journal = await connection.ExecuteScalarAsync<int>(
            $"SELECT COUNT(*) FROM {DatabaseMigrator.JournalTable} WHERE name LIKE 'V%'");
        Assert.AreEqual(scripts, journal);
    }

    [TestMethod]
    public async Task An_edited_applied_migration_is_refused_with_the_file_name()
    {
        var root = CopyScripts();
        try
        {
            await using var db = await TestDatabase.CreateEmptyAsync(Provider);
            db.Migrator(root).Migrate();
            var script = Directory.GetFiles(Path.Combine(root, Provider.FolderName()), "V1__*.sql").Single();
            await File.AppendAllTextAsync(script, "\n-- an innocent-looking edit\n");

            var ex = Assert.ThrowsExactly<MigrationException>(() => db.Migrator(root).Migrate());
            Assert.Contains(Path.GetFileName(script), ex.Message);
            Assert.Contains("checksum", ex.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_failing_script_rolls_back_and_is_reported()
    {
        var root = CopyScripts();
        try
        {
            await using var db = await TestDatabase.CreateEmptyAsync(Provider);
            var folder = Path.Combine(root, Provider.FolderName());
            await File.WriteAllTextAsync(Path.Combine(folder, "V999__broken.sql"),
                "CREATE TABLE half_done (id int);\nTHIS IS NOT SQL;\n");

            var ex = Assert.ThrowsExactly<MigrationException>(() => db.Migrator(root).Migrate());
            Assert.Contains("V999__broken.sql", ex.Message);
            var pending = await db.Migrator(root).PendingAsync(CancellationToken.None);
            Assert.Contains("V999__broken.sql", pending);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public async Task Two_processes_migrating_at_once_both_succeed_and_apply_each_script_once()
    {
        await using var db = await TestDatabase.CreateEmptyAsync(Provider);
        var first = Task.Run(() => db.Migrator().Migrate());
        var second = Task.Run(() => new DatabaseMigrator(
            new DbConnectionFactory(Provider, db.ConnectionString),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance).Migrate());
        await Task.WhenAll(first, second);

        await using var connection = await db.Factory.OpenAsync();
        var duplicates = await connection.ExecuteScalarAsync<int>(
            $"SELECT COUNT(*) FROM (SELECT name FROM {DatabaseMigrator.JournalTable} WHERE name LIKE 'V%' GROUP BY name HAVING COUNT(*) > 1) d");
        Assert.AreEqual(0, duplicates);
        Assert.IsEmpty(await db.Migrator().PendingAsync(CancellationToken.None));
    }

    private static string CopyScripts()
    {
        var root = Path.Combine(Path.GetTempPath(), "audit-sql-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "sql"), "*.sql", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "sql"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return root;
    }
}

[TestClass]
public sealed class SqliteMigrationTests : MigrationContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresMigrationTests : MigrationContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerMigrationTests : MigrationContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
