using Audit.Core.AuditTrail;
using Audit.Core.Institutions;

namespace Audit.Core.SectorViews;

/// <summary>
/// "The sector view of this institution type in this round needs recomputing". <see cref="Seq"/> changes with every
/// new mark and never repeats for a sector, not even after the mark was cleared.
/// </summary>
public sealed record SectorDirtyMark(string RoundId, InstitutionType InstitutionType, long Seq, DateTimeOffset MarkedAt);

/// <summary>
/// The dirty marks: rows owed to the aggregation. An accept writes its mark in its own transaction (see
/// <c>IReviewRepository</c>); a recompute job reads the mark, computes, and clears it only if no newer mark arrived.
/// </summary>
public interface ISectorDirtyRepository
{
    /// <summary>Every mark, oldest first.</summary>
    Task<IReadOnlyList<SectorDirtyMark>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks the given sectors of a round dirty (the admin's "recompute"); audit event <c>sector_views.marked_dirty</c>.</summary>
    /// <returns>The marks as they now are, in type order.</returns>
    /// <exception cref="ArgumentException">The round does not exist.</exception>
    Task<IReadOnlyList<SectorDirtyMark>> MarkAsync(
        string roundId, IReadOnlyCollection<InstitutionType> types, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Removes the mark only if its seq is still <paramref name="seq"/>; false when a newer mark arrived (or none exists).</summary>
    Task<bool> ClearIfUnchangedAsync(string roundId, InstitutionType institutionType, long seq, CancellationToken cancellationToken = default);
}
