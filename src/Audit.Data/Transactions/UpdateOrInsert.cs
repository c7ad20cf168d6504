namespace Audit.Data.Transactions;

/// <summary>
/// Writes a single row that may or may not exist yet, race-free on all three engines and without an upsert (which
/// could only overwrite, not compute from the row it finds).
/// <para>
/// Update first; insert-if-absent when nothing was updated; update again when that insert affected no row, which
/// happens only when a concurrent transaction inserted the row first: the insert waited for its commit, so the second
/// update sees it.
/// </para>
/// </summary>
internal static class UpdateOrInsert
{
    /// <summary>
    /// Inside a caller's transaction; both statements take <paramref name="parameters"/>. False when neither affected
    /// a row, which only a row deleted in between can cause.
    /// </summary>
    public static async Task<bool> WriteAsync(
        DbConnection connection, DbTransaction transaction, string update, string insertIfAbsent, object parameters, CancellationToken cancellationToken)
    {
        foreach (var statement in new[] { update, insertIfAbsent, update })
        {
            if (await connection.ExecuteAsync(new CommandDefinition(statement, parameters, transaction, cancellationToken: cancellationToken)) == 1)
            {
                return true;
            }
        }
        return false;
    }
}
