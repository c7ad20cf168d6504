using System.Text.Json;

namespace Audit.Core.Statistics;

/// <summary>
/// One accepted participation fed into a sector view. The builder reads <see cref="Answers"/> only during
/// <c>Add</c>; callers may dispose the underlying JsonDocuments as soon as <c>Add</c> returns.
/// </summary>
public sealed record IncludedParticipation(
    string ParticipationId,
    string InstitutionId,
    string SubmissionHash,
    IReadOnlyDictionary<string, JsonElement> Answers);

/// <summary>
/// Participations of the round's institution type by their CURRENT status.
/// <see cref="Invited"/> counts every participation, whatever its status.
/// </summary>
public sealed record ResponseCounts(int Invited, int InProgress, int Submitted, int Returned, int Accepted);
