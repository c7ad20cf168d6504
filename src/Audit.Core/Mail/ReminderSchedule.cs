using Audit.Core.Rounds;

namespace Audit.Core.Mail;

/// <summary>
/// When a participation that has not been submitted gets a reminder: on each configured number of days before the
/// round's deadline. A job that did not run on the exact day sends only the latest reminder that has come due, never a
/// burst of the earlier ones it missed.
/// </summary>
public static class ReminderSchedule
{
    public static IReadOnlyList<int> DefaultDaysBefore { get; } = [14, 7, 2];

    /// <summary>
    /// The reminder due at <paramref name="now"/>: the smallest <c>d</c> of <paramref name="daysBefore"/> with
    /// <c>closesAt - d days &lt;= now</c>, while the deadline has not passed. Null when none is due.
    /// </summary>
    public static int? DueDay(DateTimeOffset closesAt, DateTimeOffset now, IEnumerable<int> daysBefore)
    {
        if (now >= closesAt)
        {
            return null;
        }
        int? due = null;
        foreach (var d in daysBefore)
        {
            if (d > 0 && closesAt.AddDays(-d) <= now && (due is null || d < due))
            {
                due = d;
            }
        }
        return due;
    }

    /// <summary>Whole days left until the deadline, rounded up: what the reminder tells the reader.</summary>
    public static int DaysLeft(DateTimeOffset closesAt, DateTimeOffset now) =>
        Math.Max(0, (int)Math.Ceiling((closesAt - now).TotalDays));

    /// <summary>Still owes a submission: not yet submitted, or returned by the bureau for changes.</summary>
    public static bool AwaitsSubmission(ParticipationStatus status) =>
        status is ParticipationStatus.Invited or ParticipationStatus.InProgress or ParticipationStatus.Returned;

    /// <summary>
    /// The outbox key of one reminder: one per participation, contact, reminder day and deadline. The deadline is part of
    /// it so that after an extension the reminders count down to the new deadline, instead of staying silent because
    /// "7 days before" was already sent for the old one.
    /// </summary>
    public static string DedupeKey(string participationId, string userId, int daysBefore, DateTimeOffset closesAt) =>
        $"reminder:{participationId}:{userId}:{daysBefore}:{closesAt.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", System.Globalization.CultureInfo.InvariantCulture)}";
}
