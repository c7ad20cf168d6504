using Audit.Core.Rounds;

namespace Audit.Data.Rounds;

internal enum RefusalKind
{
    /// <summary>There is no such participation.</summary>
    NotFound,

    /// <summary>The participation is no longer in the expected status: another change came first.</summary>
    StatusMismatch,

    /// <summary>The participation is as expected, but the round's status does not allow the change.</summary>
    NotAllowed,
}

/// <summary>
/// Why a compare-and-set on a participation's status changed nothing, with the participation as it now is and, for
/// <see cref="RefusalKind.NotAllowed"/>, the rule's reason; see <see cref="ParticipationRepository.ExplainRefusalAsync"/>.
/// </summary>
internal sealed record Refusal(RefusalKind Kind, ParticipationRecord? Current, string? Reason = null);
