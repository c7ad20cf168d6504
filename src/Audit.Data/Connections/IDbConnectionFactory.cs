namespace Audit.Data.Connections;

/// <summary>
/// Opens a new connection per call. Repositories are stateless and never hold a connection
/// beyond one operation; the drivers pool connections underneath.
/// </summary>
public interface IDbConnectionFactory
{
    ISqlDialect Dialect { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>An unopened connection, for tools (migrations, Hangfire) that manage it themselves.</summary>
    DbConnection Create();
}
