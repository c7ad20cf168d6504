using Audit.Core.Institutions;
using Audit.Core.Statistics;

namespace Audit.Core.SectorViews;

/// <summary>
/// What a sector view is computed from: the accepted participations of one institution type in one round,
/// streamed one participation at a time so memory does not grow with the number of institutions.
/// </summary>
public interface IIncludedAnswersReader
{
    IAsyncEnumerable<IncludedParticipation> StreamAsync(string roundId, InstitutionType type, CancellationToken cancellationToken = default);

    /// <summary>Participations of the type in the round by current status.</summary>
    Task<ResponseCounts> CountResponsesAsync(string roundId, InstitutionType type, CancellationToken cancellationToken = default);
}
