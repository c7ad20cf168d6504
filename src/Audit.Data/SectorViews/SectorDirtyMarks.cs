using Audit.Core.Institutions;

namespace Audit.Data.SectorViews;

/// <summary>Writes a dirty mark inside a caller's transaction (the accept, or the admin's recompute).</summary>
internal static class SectorDirtyMarks
{
    /// <summary>
    /// Adds a mark or bumps the existing one's seq (<see cref="UpdateOrInsert"/>): a bump computes the new seq from
    /// the stored one, which an upsert could not do.
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
        if (!await UpdateOrInsert.WriteAsync(connection, transaction, sql.Bump, sql.Insert, parameters, cancellationToken))
        {
            throw new InvalidOperationException($"Could not mark sector {roundId}/{parameters.institution_type} dirty.");
        }
    }
}
