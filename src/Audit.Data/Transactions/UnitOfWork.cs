using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Audit.Data.Transactions;

/// <summary>
/// One connection and one transaction around a change and the audit events it causes.
/// <para>
/// Write transactions on SQLite begin IMMEDIATE: the write lock is taken at BEGIN, where the busy timeout (see
/// <see cref="DbConnectionFactory"/>) makes a second writer wait. A DEFERRED transaction that reads first and writes
/// later would instead fail at its first write with SQLITE_BUSY whenever another writer committed in between, and no
/// amount of waiting helps it. So SQLite writers never overlap, and every check made inside a transaction holds until
/// its commit. Within one process the writers queue in <see cref="SqliteWriters"/> before BEGIN, so the next one starts
/// the moment the previous one commits. PostgreSQL and SQL Server run READ COMMITTED and rely on compare-and-set updates and row locks.
/// </para>
/// <para>
/// A transaction that PostgreSQL or SQL Server aborts to resolve a deadlock (or a serialization failure, or a lock
/// time-out) is re-run from the start, a few times: the work is pure database work, so re-running it is safe. The
/// collection writes are designed not to deadlock (see <c>EditGate</c>); this is the safety net.
/// </para>
/// </summary>
internal static class UnitOfWork
{
    private const int Attempts = 4;

    /// <summary>
    /// Runs <paramref name="change"/> in a transaction and commits with <paramref name="audit"/> only when the
    /// change reports success; otherwise everything rolls back, so a refused change leaves no trace.
    /// </summary>
    public static async Task<bool> ChangeAsync(
        IDbConnectionFactory factory, AuditEvent audit, Func<DbConnection, DbTransaction, Task<bool>> change, CancellationToken cancellationToken)
    {
        var result = await RunAsync(factory, async (connection, transaction) =>
        {
            if (!await change(connection, transaction))
            {
                return (false, false);
            }
            await AuditEventRepository.WriteAsync(connection, transaction, audit, cancellationToken);
            return (true, true);
        }, cancellationToken);
        return result;
    }

    /// <summary>Runs <paramref name="work"/> in a transaction; commits when it says so, else rolls back. Returns its value.</summary>
    public static async Task<T> RunAsync<T>(
        IDbConnectionFactory factory, Func<DbConnection, DbTransaction, Task<(bool Commit, T Value)>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await factory.OpenAsync(cancellationToken);
                using var turn = await SqliteWriters.WaitTurnAsync(connection, cancellationToken);
                await using var transaction = await BeginWriteAsync(connection, cancellationToken);
                var (commit, value) = await work(connection, transaction);
                if (commit)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                // Disposing an uncommitted transaction rolls it back (before the turn is handed on: declared after it).
                return value;
            }
            catch (DbException ex) when (attempt < Attempts && IsTransient(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), cancellationToken);
            }
        }
    }

    /// <summary>A transaction that may write: BEGIN IMMEDIATE on SQLite, the engine's default elsewhere.</summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(cancellationToken);

    /// <summary>Failures after which the whole transaction may simply be run again.</summary>
    internal static bool IsTransient(DbException exception) => exception switch
    {
        // 40P01 deadlock detected, 40001 serialization failure.
        PostgresException pg => pg.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        // 1205 chosen as deadlock victim, 1222 lock request time-out.
        SqlException sql => sql.Number is 1205 or 1222,
        // Not SQLite's SQLITE_BUSY: with IMMEDIATE transactions it only comes after the busy timeout has run out, when a
        // writer held the database for half a minute; waiting that long again would not help.
        _ => false,
    };
}
