namespace Audit.Core.Statistics;

/// <summary>
/// One accepted participation fed into a sector view. The builder reads <see cref="Answers"/> only during
/// <c>Add</c>; callers may dispose the underlying JsonDocuments as soon as <c>Add</c> returns.
/// </summary>
public sealed record IncludedParticipation(
    string ParticipationId,
    string InstitutionId,
    string SubmissionHash,
    IReadOnlyDictionary<string, JsonElement> Answers)
{
    /// <summary>The participation's row version when read (0 when unknown); see <see cref="IncludedRevision"/>.</summary>
    public long Revision { get; init; }
}

/// <summary>
/// An included participation and its row version. Every status change bumps the version, and answers can only change
/// while a participation is not accepted, so an accepted participation with an unchanged revision has unchanged
/// answers: what lets a recompute reuse the statistics it folded in before (see SectorRecomputeJob).
/// </summary>
public sealed record IncludedRevision(string ParticipationId, long Revision);

/// <summary>
/// Participations of the round's institution type by their CURRENT status.
/// <see cref="Invited"/> counts every participation, whatever its status.
/// </summary>
public sealed record ResponseCounts(int Invited, int InProgress, int Submitted, int Returned, int Accepted);
