namespace Audit.Data.Dialects;

/// <summary>SQLite and PostgreSQL share INSERT … ON CONFLICT and LIMIT/OFFSET.</summary>
public abstract class OnConflictDialect : ISqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string UtcNow { get; }

    public string Paging(int offset, int limit) => $"LIMIT {limit} OFFSET {offset}";

    public string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> updateColumns)
    {
        var all = keyColumns.Concat(updateColumns).ToList();
        var set = string.Join(", ", updateColumns.Select(c => $"{c} = excluded.{c}"));
        return $"INSERT INTO {table} ({SqlDialects.Columns(all)}) VALUES ({SqlDialects.Parameters(all)}) " +
               $"ON CONFLICT ({SqlDialects.Columns(keyColumns)}) DO UPDATE SET {set}";
    }

    public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns)
    {
        var all = keyColumns.Concat(otherColumns).ToList();
        return $"INSERT INTO {table} ({SqlDialects.Columns(all)}) VALUES ({SqlDialects.Parameters(all)}) " +
               $"ON CONFLICT ({SqlDialects.Columns(keyColumns)}) DO NOTHING";
    }

    public string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string ShareLockHint => "";

    public abstract string ShareLockClause { get; }
}

public sealed class SqliteDialect : OnConflictDialect
{
    public static SqliteDialect Instance { get; } = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // Same text shape Microsoft.Data.Sqlite writes for DateTime parameters, so comparisons stay lexical.
    public override string UtcNow => "strftime('%Y-%m-%d %H:%M:%f', 'now')";

    // Row locks do not exist; writers are serialised by BEGIN IMMEDIATE instead.
    public override string ShareLockClause => "";
}

public sealed class PostgresDialect : OnConflictDialect
{
    public static PostgresDialect Instance { get; } = new();

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string UtcNow => "now()";

    public override string ShareLockClause => " FOR SHARE";
}
