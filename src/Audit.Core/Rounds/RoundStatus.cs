namespace Audit.Core.Rounds;

/// <summary>The life cycle of a round; see <see cref="RoundTransitions"/> for the allowed changes.</summary>
public enum RoundStatus
{
    /// <summary>Being prepared by the administrator; institutions cannot see it.</summary>
    Draft,

    /// <summary>Institutions fill in and submit the questionnaire.</summary>
    Open,

    /// <summary>Past the deadline: no more answers, but submitted questionnaires can still be reviewed.</summary>
    Closed,

    /// <summary>Sector results are published; final.</summary>
    Published,
}

public static class RoundStatuses
{
    private static readonly Dictionary<string, RoundStatus> ByWireName = new(StringComparer.Ordinal)
    {
        ["draft"] = RoundStatus.Draft,
        ["open"] = RoundStatus.Open,
        ["closed"] = RoundStatus.Closed,
        ["published"] = RoundStatus.Published,
    };

    public static IReadOnlyCollection<string> WireNames => ByWireName.Keys;

    public static bool TryParse(string? wireName, out RoundStatus status) =>
        ByWireName.TryGetValue(wireName ?? "", out status);

    public static string ToWireName(this RoundStatus status) => status switch
    {
        RoundStatus.Draft => "draft",
        RoundStatus.Open => "open",
        RoundStatus.Closed => "closed",
        RoundStatus.Published => "published",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
