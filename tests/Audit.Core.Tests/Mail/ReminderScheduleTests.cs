using Audit.Core.Mail;
using Audit.Core.Rounds;

namespace Audit.Core.Tests.Mail;

[TestClass]
public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset ClosesAt = new(2026, 3, 31, 22, 0, 0, TimeSpan.Zero);
    private static readonly int[] Days = [14, 7, 2];

    private static int? DueAt(TimeSpan beforeDeadline) => ReminderSchedule.DueDay(ClosesAt, ClosesAt - beforeDeadline, Days);

    [TestMethod]
    public void Nothing_is_due_before_the_first_reminder_day_or_after_the_deadline()
    {
        Assert.IsNull(DueAt(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1)));
        Assert.IsNull(DueAt(TimeSpan.Zero));
        Assert.IsNull(DueAt(-TimeSpan.FromDays(1)));
    }

    [TestMethod]
    public void Each_reminder_day_is_due_from_its_moment_on()
    {
        Assert.AreEqual(14, DueAt(TimeSpan.FromDays(14)));
        Assert.AreEqual(14, DueAt(TimeSpan.FromDays(8)));
        Assert.AreEqual(7, DueAt(TimeSpan.FromDays(7)));
        Assert.AreEqual(2, DueAt(TimeSpan.FromDays(2)));
        Assert.AreEqual(2, DueAt(TimeSpan.FromMinutes(1)));
    }

    [TestMethod]
    public void A_late_run_gets_only_the_latest_reminder_due()
    {
        // Twelve days after the 14-day mark the 14 and 7 reminders have both come due: only the 7 is sent.
        Assert.AreEqual(7, DueAt(TimeSpan.FromDays(5)));
    }

    [TestMethod]
    public void Order_and_invalid_days_in_the_configuration_do_not_matter()
    {
        Assert.AreEqual(7, ReminderSchedule.DueDay(ClosesAt, ClosesAt.AddDays(-5), [2, 0, -3, 14, 7]));
        Assert.IsNull(ReminderSchedule.DueDay(ClosesAt, ClosesAt.AddDays(-5), []));
    }

    [TestMethod]
    public void Days_left_round_up_to_whole_days()
    {
        Assert.AreEqual(7, ReminderSchedule.DaysLeft(ClosesAt, ClosesAt.AddDays(-7)));
        Assert.AreEqual(7, ReminderSchedule.DaysLeft(ClosesAt, ClosesAt.AddDays(-6.5)));
        Assert.AreEqual(1, ReminderSchedule.DaysLeft(ClosesAt, ClosesAt.AddHours(-1)));
        Assert.AreEqual(0, ReminderSchedule.DaysLeft(ClosesAt, ClosesAt.AddHours(1)));
    }

    [TestMethod]
    [DataRow(ParticipationStatus.Invited, true)]
    [DataRow(ParticipationStatus.InProgress, true)]
    [DataRow(ParticipationStatus.Returned, true)]
    [DataRow(ParticipationStatus.Submitted, false)]
    [DataRow(ParticipationStatus.Accepted, false)]
    public void Only_participations_that_owe_a_submission_are_reminded(ParticipationStatus status, bool reminded) =>
        Assert.AreEqual(reminded, ReminderSchedule.AwaitsSubmission(status));
}
