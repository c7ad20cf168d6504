namespace Audit.Data.Dialects;

/// <summary>
/// The one seam for what really differs between engines: upsert, insert-if-absent, paging and
/// current time. Everything else is written once in portable SQL. Parameters are always named
/// after their column (<c>@column</c>) in generated statements.
/// </summary>
public interface ISqlDialect
{
    DatabaseProvider Provider { get; }

    /// <summary>Appended after an ORDER BY clause.</summary>
    string Paging(int offset, int limit);

    /// <summary>Insert a row, or update <paramref name="updateColumns"/> when the key exists.</summary>
    string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> updateColumns);

    /// <summary>Insert a row unless its key exists; affects 0 rows when it does.</summary>
    string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns);

    /// <summary>The engine's current UTC time as an SQL expression.</summary>
    string UtcNow { get; }

    string Quote(string identifier);

    /// <summary>
    /// Written after each table (and alias) of a read that must keep its rows unchanged until the transaction
    /// ends, without blocking other such reads: SQL Server's <c>WITH (HOLDLOCK)</c>; empty elsewhere.
    /// </summary>
    string ShareLockHint { get; }

    /// <summary>
    /// Appended to the same read: PostgreSQL's <c>FOR SHARE</c>; empty elsewhere. SQLite needs neither, because
    /// its write transactions begin IMMEDIATE and so never overlap (see <c>UnitOfWork</c>).
    /// </summary>
    string ShareLockClause { get; }
}
