namespace Audit.Data.Dialects;

public sealed class SqlServerDialect : ISqlDialect
{
    public static SqlServerDialect Instance { get; } = new();

    public DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public string UtcNow => "SYSUTCDATETIME()";

    public string Paging(int offset, int limit) => $"OFFSET {offset} ROWS FETCH NEXT {limit} ROWS ONLY";

    // HOLDLOCK makes MERGE safe against two concurrent inserts of the same key.
    public string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> updateColumns)
    {
        var all = keyColumns.Concat(updateColumns).ToList();
        return $"MERGE {table} WITH (HOLDLOCK) AS t USING (SELECT {Source(all)}) AS s ON {Match(keyColumns)} " +
               $"WHEN MATCHED THEN UPDATE SET {string.Join(", ", updateColumns.Select(c => $"t.{c} = s.{c}"))} " +
               $"WHEN NOT MATCHED THEN INSERT ({SqlDialects.Columns(all)}) VALUES ({string.Join(", ", all.Select(c => "s." + c))});";
    }

    public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns)
    {
        var all = keyColumns.Concat(otherColumns).ToList();
        return $"MERGE {table} WITH (HOLDLOCK) AS t USING (SELECT {Source(all)}) AS s ON {Match(keyColumns)} " +
               $"WHEN NOT MATCHED THEN INSERT ({SqlDialects.Columns(all)}) VALUES ({string.Join(", ", all.Select(c => "s." + c))});";
    }

    // HOLDLOCK keeps the shared lock to the end of the transaction, also under READ_COMMITTED_SNAPSHOT.
    public string ShareLockHint => " WITH (HOLDLOCK)";

    public string ShareLockClause => "";

    public string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";

    private static string Source(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"@{c} AS {c}"));

    private static string Match(IEnumerable<string> keys) => string.Join(" AND ", keys.Select(c => $"t.{c} = s.{c}"));
}
