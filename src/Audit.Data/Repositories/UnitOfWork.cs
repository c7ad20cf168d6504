using System.Data.Common;
using Audit.Core.AuditTrail;
using Audit.Data.Connections;

namespace Audit.Data.Repositories;

/// <summary>One connection and one transaction around a change and the audit events it causes.</summary>
internal static class UnitOfWork
{
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
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (commit, value) = await work(connection, transaction);
        if (commit)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        // Disposing an uncommitted transaction rolls it back.
        return value;
    }
}
