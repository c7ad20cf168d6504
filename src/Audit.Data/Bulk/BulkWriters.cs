namespace Audit.Data.Bulk;

public static class BulkWriters
{
    /// <summary>SqlBulkCopy on SQL Server, binary COPY on PostgreSQL, batched multi-row INSERTs on SQLite.</summary>
    public static IBulkWriter For(IDbConnectionFactory factory) => factory.Dialect.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteBulkWriter(factory),
        DatabaseProvider.Postgres => new PostgresBulkWriter(factory),
        DatabaseProvider.SqlServer => new SqlServerBulkWriter(factory),
        _ => throw new ArgumentOutOfRangeException(nameof(factory), factory.Dialect.Provider, null),
    };
}
