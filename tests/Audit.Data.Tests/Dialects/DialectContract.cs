using Audit.Data.Connections;
using Dapper;

namespace Audit.Data.Tests.Dialects;

/// <summary>The dialect seam behaves the same on every engine.</summary>
public abstract class DialectContract : EngineTestBase
{
    private string _table = "";

    [TestInitialize]
    public async Task CreateProbeTableAsync()
    {
        _table = "probe_" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await Factory.OpenAsync();
        await connection.ExecuteAsync(
            $"CREATE TABLE {_table} (k1 varchar(64) NOT NULL, k2 varchar(64) NOT NULL, v varchar(100) NULL, PRIMARY KEY (k1, k2))");
    }

    [TestMethod]
    public async Task Upsert_inserts_then_updates_the_same_key()
    {
        var sql = Factory.Dialect.Upsert(_table, ["k1", "k2"], ["v"]);
        await using var connection = await Factory.OpenAsync();
        await connection.ExecuteAsync(sql, new { k1 = "a", k2 = "b", v = "first" });
        await connection.ExecuteAsync(sql, new { k1 = "a", k2 = "b", v = "second" });

        var rows = (await connection.QueryAsync<string>($"SELECT v FROM {_table}")).ToList();
        Assert.AreSequenceEqual(new[] { "second" }, rows);
    }

    [TestMethod]
    public async Task InsertIfAbsent_affects_no_row_when_the_key_exists()
    {
        var sql = Factory.Dialect.InsertIfAbsent(_table, ["k1", "k2"], ["v"]);
        await using var connection = await Factory.OpenAsync();
        Assert.AreEqual(1, await connection.ExecuteAsync(sql, new { k1 = "a", k2 = "b", v = "first" }));
        Assert.AreEqual(0, await connection.ExecuteAsync(sql, new { k1 = "a", k2 = "b", v = "second" }));
        Assert.AreEqual("first", await connection.ExecuteScalarAsync<string>($"SELECT v FROM {_table}"));
    }

    [TestMethod]
    public async Task Paging_returns_the_requested_slice_in_order()
    {
        await using var connection = await Factory.OpenAsync();
        var insert = Factory.Dialect.InsertIfAbsent(_table, ["k1", "k2"], ["v"]);
        for (var i = 0; i < 10; i++)
        {
            await connection.ExecuteAsync(insert, new { k1 = $"r{i:00}", k2 = "x", v = (string?)null });
        }
        var page = (await connection.QueryAsync<string>(
            $"SELECT k1 FROM {_table} ORDER BY k1 {Factory.Dialect.Paging(offset: 3, limit: 4)}")).ToList();
        Assert.AreSequenceEqual(new[] { "r03", "r04", "r05", "r06" }, page);
    }

    [TestMethod]
    public async Task A_share_locked_read_runs_inside_a_transaction_and_does_not_block_another()
    {
        var d = Factory.Dialect;
        var sql = $"SELECT v FROM {_table} t{d.ShareLockHint} WHERE t.k1 = @k1 AND t.k2 = @k2{d.ShareLockClause}";
        await using var first = await Factory.OpenAsync();
        await first.ExecuteAsync(d.InsertIfAbsent(_table, ["k1", "k2"], ["v"]), new { k1 = "a", k2 = "b", v = "locked" });
        await using var firstTransaction = await first.BeginTransactionAsync();
        Assert.AreEqual("locked", await first.ExecuteScalarAsync<string>(sql, new { k1 = "a", k2 = "b" }, firstTransaction));

        if (Provider != DatabaseProvider.Sqlite) // SQLite has one writer at a time instead of row locks
        {
            await using var second = await Factory.OpenAsync();
            await using var secondTransaction = await second.BeginTransactionAsync();
            Assert.AreEqual("locked", await second.ExecuteScalarAsync<string>(sql, new { k1 = "a", k2 = "b" }, secondTransaction));
        }
    }

    [TestMethod]
    public async Task Times_round_trip_as_utc_to_the_microsecond_and_compare_correctly()
    {
        var stamp = new DateTimeOffset(2026, 11, 23, 9, 15, 42, TimeSpan.FromHours(1)).AddTicks(1234560); // microseconds: the precision all three engines keep
        await using var connection = await Factory.OpenAsync();
        var table = _table + "_t";
        var type = Provider switch
        {
            DatabaseProvider.Postgres => "timestamptz",
            DatabaseProvider.SqlServer => "datetime2(7)",
            _ => "TEXT",
        };
        await connection.ExecuteAsync($"CREATE TABLE {table} (id int NOT NULL PRIMARY KEY, at {type} NOT NULL)");
        await connection.ExecuteAsync($"INSERT INTO {table} (id, at) VALUES (1, @at), (2, @later)", new { at = stamp, later = stamp.AddMilliseconds(1) });

        var read = await connection.QuerySingleAsync<DateTimeOffset>($"SELECT at FROM {table} WHERE id = 1");
        Assert.AreEqual(stamp, read);
        Assert.AreEqual(TimeSpan.Zero, read.Offset);
        var after = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {table} WHERE at > @at", new { at = stamp });
        Assert.AreEqual(1, after);
        var now = await connection.QuerySingleAsync<DateTimeOffset>($"SELECT {Factory.Dialect.UtcNow} AS now_utc");
        Assert.IsLessThan(TimeSpan.FromMinutes(1), (now - DateTimeOffset.UtcNow).Duration());
    }
}

[TestClass]
public sealed class SqliteDialectTests : DialectContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresDialectTests : DialectContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerDialectTests : DialectContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
