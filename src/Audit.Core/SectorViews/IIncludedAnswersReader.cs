using Audit.Core.Institutions;
using Audit.Core.Statistics;

namespace Audit.Core.SectorViews;

/// <summary>
/// What a sector view is computed from: the accepted participations of one institution type in one round,
/// streamed one participation at a time so memory does not grow with the number of institutions. Each streamed
/// item (and the JSON behind its answers) is valid only until the next one is requested.
/// </summary>
public interface IIncludedAnswersReader
{
    IAsyncEnumerable<IncludedParticipation> StreamAsync(string roundId, InstitutionType type, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="StreamAsync"/>, for the named participations only (those not included are skipped).</summary>
    IAsyncEnumerable<IncludedParticipation> StreamSomeAsync(
        string roundId, InstitutionType type, IReadOnlyCollection<string> participationIds, CancellationToken cancellationToken = default);

    /// <summary>The included participations and their revisions, without their answers.</summary>
    Task<IReadOnlyList<IncludedRevision>> ListIncludedAsync(string roundId, InstitutionType type, CancellationToken cancellationToken = default);

    /// <summary>Participations of the type in the round by current status.</summary>
    Task<ResponseCounts> CountResponsesAsync(string roundId, InstitutionType type, CancellationToken cancellationToken = default);
}
