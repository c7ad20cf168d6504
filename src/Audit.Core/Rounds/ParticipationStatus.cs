namespace Audit.Core.Rounds;

/// <summary>Where one institution stands in a round; see <see cref="ParticipationTransitions"/>.</summary>
public enum ParticipationStatus
{
    /// <summary>Invited, nothing entered yet.</summary>
    Invited,

    /// <summary>Answers are being entered.</summary>
    InProgress,

    /// <summary>Submitted for review; read-only for the institution.</summary>
    Submitted,

    /// <summary>Sent back by the auditor; editable and resubmittable, like <see cref="InProgress"/>.</summary>
    Returned,

    /// <summary>Accepted by the auditor; final.</summary>
    Accepted,
}

public static class ParticipationStatuses
{
    private static readonly Dictionary<string, ParticipationStatus> ByWireName = new(StringComparer.Ordinal)
    {
        ["invited"] = ParticipationStatus.Invited,
        ["in_progress"] = ParticipationStatus.InProgress,
        ["submitted"] = ParticipationStatus.Submitted,
        ["returned"] = ParticipationStatus.Returned,
        ["accepted"] = ParticipationStatus.Accepted,
    };

    public static IReadOnlyCollection<string> WireNames => ByWireName.Keys;

    public static bool TryParse(string? wireName, out ParticipationStatus status) =>
        ByWireName.TryGetValue(wireName ?? "", out status);

    public static string ToWireName(this ParticipationStatus status) => status switch
    {
        ParticipationStatus.Invited => "invited",
        ParticipationStatus.InProgress => "in_progress",
        ParticipationStatus.Submitted => "submitted",
        ParticipationStatus.Returned => "returned",
        ParticipationStatus.Accepted => "accepted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
