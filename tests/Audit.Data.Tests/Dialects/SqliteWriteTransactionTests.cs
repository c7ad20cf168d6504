using System.Diagnostics;
using Audit.Core.Answers;
using Audit.Data.Answers;
using Audit.Data.Connections;
using Dapper;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Dialects;

/// <summary>
/// SQLite has one writer at a time. A second writer must wait for the first (SQLite's busy timeout, polled every few
/// milliseconds) rather than fail; the concurrency contract shows that write transactions must also begin IMMEDIATE.
/// </summary>
[TestClass]
public sealed class SqliteWriteTransactionTests : EngineTestBase
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [TestMethod]
    public async Task Every_factory_connection_waits_up_to_the_busy_timeout()
    {
        await using var connection = await Factory.OpenAsync();

        Assert.AreEqual(30_000, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
    }

    [TestMethod]
    public async Task Every_factory_connection_commits_to_the_wal_without_an_fsync_per_transaction()
    {
        await using var connection = await Factory.OpenAsync();

        Assert.AreEqual("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.AreEqual(1L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"), "1 = NORMAL: see DbConnectionFactory for why");
    }

    [TestMethod]
    public async Task A_write_waits_for_a_competing_writer_and_then_succeeds()
    {
        var p = await InvitedAsync(Factory);
        await using var blocker = await Factory.OpenAsync();
        await blocker.ExecuteAsync("BEGIN IMMEDIATE");
        var clock = Stopwatch.StartNew();

        // Microsoft.Data.Sqlite waits synchronously inside its async methods, so the save gets a thread of its own.
        var save = Task.Run(() => new AnswerRepository(Factory).SaveAsync(p.Id, Write("k", "1"), Respondent, Now));
        await Task.Delay(300);
        Assert.IsFalse(save.IsCompleted, "the save waits while the other writer holds the lock");
        await blocker.ExecuteAsync("COMMIT");
        var result = await save;

        Assert.AreEqual(AnswerSaveOutcome.Saved, result.Outcome);
        Assert.IsGreaterThanOrEqualTo(300, clock.ElapsedMilliseconds);
        Assert.IsLessThan(5_000, clock.ElapsedMilliseconds, "it went on as soon as the lock was free");
    }
}
