using Audit.Core.AuditTrail;

namespace Audit.Core.FollowUps;

/// <summary>How far an institution has followed up one recommendation of the baseline round.</summary>
public enum FollowUpStatus
{
    Implemented,
    InProgress,
    NotStarted,
    NotApplicable,
}

/// <summary>
/// One stated follow-up. <see cref="RecommendationId"/> is the baseline theme key: the bureau's findings hold at most
/// one recommendation per theme, so the theme names it stably across saves of those findings.
/// </summary>
public sealed record FollowUpRecord(
    string ParticipationId,
    string RecommendationId,
    FollowUpStatus Status,
    string? Reason,
    int Version,
    string UpdatedBy,
    DateTimeOffset UpdatedAt);

/// <summary>A checked follow-up to write; <see cref="ExpectedVersion"/> null means "only if none exists yet".</summary>
public sealed record FollowUpWrite(string RecommendationId, FollowUpStatus Status, string? Reason, int? ExpectedVersion);

public enum FollowUpSaveOutcome
{
    Saved,

    /// <summary>Not at the expected version (or, without one, one exists already); nothing was written.</summary>
    VersionMismatch,

    NotFound,

    /// <summary>The participation may not be changed now (submitted, accepted, round not open).</summary>
    NotEditable,
}

/// <summary><see cref="FollowUp"/> is the saved one, or the current one on a mismatch.</summary>
public sealed record FollowUpSaveResult(FollowUpSaveOutcome Outcome, FollowUpRecord? FollowUp, string? Reason = null);

/// <summary>The wire names and the rules for what a respondent states.</summary>
public static class FollowUpRules
{
    /// <summary>A reason is a sentence or a short paragraph, not a document.</summary>
    public const int MaxReasonLength = 2_000;

    private static readonly Dictionary<string, FollowUpStatus> ByWireName = new(StringComparer.Ordinal)
    {
        ["implemented"] = FollowUpStatus.Implemented,
        ["in_progress"] = FollowUpStatus.InProgress,
        ["not_started"] = FollowUpStatus.NotStarted,
        ["not_applicable"] = FollowUpStatus.NotApplicable,
    };

    /// <summary>In the order pages and reports list them.</summary>
    public static IReadOnlyList<FollowUpStatus> All { get; } =
        [FollowUpStatus.Implemented, FollowUpStatus.InProgress, FollowUpStatus.NotStarted, FollowUpStatus.NotApplicable];

    public static bool TryParse(string? wireName, out FollowUpStatus status) => ByWireName.TryGetValue(wireName ?? "", out status);

    public static string ToWireName(this FollowUpStatus status) => status switch
    {
        FollowUpStatus.Implemented => "implemented",
        FollowUpStatus.InProgress => "in_progress",
        FollowUpStatus.NotStarted => "not_started",
        FollowUpStatus.NotApplicable => "not_applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// Keys <c>status</c> and <c>reason</c>, every problem at once. "Not applicable" needs a reason: the bureau has to
    /// be able to judge why a recommendation does not apply. A blank reason is stored as none.
    /// </summary>
    public static Dictionary<string, string[]> Check(string? statusName, string? reason, out FollowUpStatus status)
    {
        var errors = new Dictionary<string, string[]>();
        var known = TryParse(statusName, out status);
        if (!known)
        {
            errors["status"] = ["The status must be one of implemented, in_progress, not_started, not_applicable."];
        }
        if (reason is { Length: > MaxReasonLength })
        {
            errors["reason"] = [$"A reason has at most {MaxReasonLength} characters."];
        }
        else if (known && status == FollowUpStatus.NotApplicable && string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["A recommendation that does not apply needs a reason."];
        }
        return errors;
    }

    public static string? Normalize(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
}

public interface IFollowUpRepository
{
    Task<IReadOnlyList<FollowUpRecord>> ListAsync(string participationId, CancellationToken cancellationToken = default);

    /// <summary>Every follow-up of the round's participations, for the sector view (which keeps only the included ones).</summary>
    Task<IReadOnlyList<FollowUpRecord>> ListForRoundAsync(string roundId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one follow-up through the same edit gate as answers (refused once submitted; invited or returned moves
    /// to in_progress), compare-and-set on the version. Audit event <c>follow-up.saved</c>.
    /// </summary>
    Task<FollowUpSaveResult> SaveAsync(string participationId, FollowUpWrite write, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);
}
