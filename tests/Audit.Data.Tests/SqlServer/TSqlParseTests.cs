using Audit.Data.Dialects;

namespace Audit.Data.Tests.SqlServer;

[TestClass]
public sealed class TSqlParseTests
{
    [TestMethod]
    public void The_check_itself_catches_a_broken_statement()
    {
        var errors = TSqlCheck.Errors("SELEC id FROM users WHERE");
        Assert.IsNotEmpty(errors);
        Assert.Contains("line 1", errors[0]);
        Assert.IsEmpty(TSqlCheck.Errors("SELECT id FROM users WHERE id = @id"));
    }

    [TestMethod]
    public void Every_sqlserver_migration_script_parses()
    {
        var scripts = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "sql", "sqlserver"), "*.sql");
        Assert.IsNotEmpty(scripts);
        var failures = scripts
            .SelectMany(file => TSqlCheck.Errors(File.ReadAllText(file)).Select(e => $"{Path.GetFileName(file)} {e}"))
            .ToList();
        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures));
    }

    [TestMethod]
    public void Every_statement_the_sqlserver_dialect_generates_parses()
    {
        var d = SqlServerDialect.Instance;
        string[] statements =
        [
            d.Upsert("answers", ["participation_id", "question_key"], ["value_json", "version"]),
            d.InsertIfAbsent("participations", ["round_id", "institution_id"], ["id", "status"]),
            $"SELECT id FROM users ORDER BY id {d.Paging(20, 10)}",
            $"SELECT {d.UtcNow} AS now_utc",
            $"SELECT {d.Quote("order")} FROM t",
            $"SELECT p.status FROM participations p{d.ShareLockHint} JOIN rounds r{d.ShareLockHint} ON r.id = p.round_id WHERE p.id = @id{d.ShareLockClause}",
        ];
        var failures = statements.SelectMany(s => TSqlCheck.Errors(s).Select(e => $"{s}: {e}")).ToList();
        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures));
    }

    [TestMethod]
    public void Every_repository_statement_parses_as_tsql()
    {
        var statements = TSqlCheck.RepositoryStatements(SqlServerDialect.Instance).ToList();
        var failures = statements
            .SelectMany(s => TSqlCheck.Errors(s.Sql).Select(e => $"{s.Name}: {e}\n{s.Sql}"))
            .ToList();
        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures));
    }
}
