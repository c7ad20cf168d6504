namespace Audit.Data.Dialects;

public static class SqlDialects
{
    public static ISqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => SqliteDialect.Instance,
        DatabaseProvider.Postgres => PostgresDialect.Instance,
        DatabaseProvider.SqlServer => SqlServerDialect.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    internal static string Columns(IEnumerable<string> columns) => string.Join(", ", columns);

    internal static string Parameters(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => "@" + c));
}
