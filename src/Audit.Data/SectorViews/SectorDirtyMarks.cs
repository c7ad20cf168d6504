using Audit.Core.Institutions;

namespace Audit.Data.SectorViews;

/// <summary>Writes a dirty mark inside a caller's transaction (the accept, or the admin's recompute).</summary>
internal static class SectorDirtyMarks
{
    /// <summary>
    /// Update first, insert when there is no mark, update again when a concurrent transaction inserted it first: the
    /// insert affects no row then (insert-if-absent waits for the other's commit), and the second update sees its row.
    /// This is race-free on all three engines without relying on an upsert that could only overwrite seq.
    /// </summary>
    public static async Task MarkAsync(
        DbConnection connection, DbTransaction transaction, SectorDirtySql sql, string roundId, InstitutionType type, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var parameters = new
        {
            round_id = roundId,
            institution_type = type.ToWireName(),
            // A new mark starts at the wall clock's ticks, so it differs from every earlier mark of the sector that was
            // cleared and a job still holding an old seq cannot clear it. Not 'now': callers may pass the same time twice.
            seq = DateTime.UtcNow.Ticks,
            marked_at = now,
        };
        foreach (var statement in new[] { sql.Bump, sql.Insert, sql.Bump })
        {
            if (await connection.ExecuteAsync(new CommandDefinition(statement, parameters, transaction, cancellationToken: cancellationToken)) == 1)
            {
                return;
            }
        }
        throw new InvalidOperationException($"Could not mark sector {roundId}/{parameters.institution_type} dirty.");
    }
}
