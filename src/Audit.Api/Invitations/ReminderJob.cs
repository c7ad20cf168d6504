using Audit.Api.Mail;
using Audit.Core.AuditTrail;
using Audit.Core.Mail;
using Audit.Core.Paging;
using Audit.Core.Rounds;
using Microsoft.Extensions.Options;

namespace Audit.Api.Invitations;

/// <summary>
/// Recurring: reminds the contacts of every participation that still owes a submission, on the configured days before
/// an open round's deadline (<c>Mail:Reminders:DaysBefore</c>). Each reminder is an outbox row whose dedupe key
/// (<see cref="ReminderSchedule.DedupeKey"/>) meets a unique constraint, so running twice, or on two workers at once,
/// queues it once. A run that comes late sends only the latest reminder due (<see cref="ReminderSchedule.DueDay"/>).
/// </summary>
public sealed class ReminderJob(
    IRoundRepository rounds, IRoundMailRepository roundMail, RoundMails mails, IOptions<MailOptions> options, TimeProvider clock,
    ILogger<ReminderJob> logger)
{
    public const string RecurringId = "mail-reminders";

    /// <summary>Returns the number of reminders queued by this run.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var days = options.Value.Reminders.EffectiveDaysBefore;
        // Each participation is reminded against its effective deadline: its own when the bureau extended it.
        var due = new List<(Round Round, ParticipationContacts Participation, int Day)>();
        foreach (var round in await OpenRoundsAsync(cancellationToken))
        {
            foreach (var participation in await roundMail.ContactsAsync(round.Id, cancellationToken))
            {
                if (ReminderSchedule.AwaitsSubmission(participation.Status)
                    && ReminderSchedule.DueDay(participation.EffectiveClosesAt(round), clock.GetUtcNow(), days) is { } day)
                {
                    due.Add((round, participation, day));
                }
            }
        }
        if (due.Count > 0 && mails.Unavailable is { } unavailable)
        {
            logger.LogWarning("No reminders queued: {Problem}", unavailable);
            return 0;
        }
        var queued = 0;
        foreach (var (round, participation, day) in due)
        {
            var now = clock.GetUtcNow();
            foreach (var contact in participation.Contacts)
            {
                if (await roundMail.QueueAsync(Mail(round, participation, contact, day, now), Audit(round, participation, contact, day, now), now, cancellationToken))
                {
                    queued++;
                }
            }
        }
        if (queued > 0)
        {
            logger.LogInformation("Queued {Count} reminder mail(s).", queued);
        }
        return queued;
    }

    private async Task<List<Round>> OpenRoundsAsync(CancellationToken cancellationToken)
    {
        var open = new List<Round>();
        for (var page = 1; ; page++)
        {
            var result = await rounds.ListAsync(new RoundQuery(RoundStatus.Open), new PageRequest(page, PageRequest.MaxPageSize), cancellationToken);
            open.AddRange(result.Items.Select(r => r.Round));
            if (result.Items.Count < result.PageSize || open.Count >= result.Total)
            {
                return open;
            }
        }
    }

    private OutgoingMail Mail(Round round, ParticipationContacts participation, Contact contact, int day, DateTimeOffset now)
    {
        var text = mails.Reminder(round, participation, contact, now);
        return new OutgoingMail(AccessTokens.NewId("m_"), ReminderSchedule.DedupeKey(participation.ParticipationId, contact.UserId, day, participation.EffectiveClosesAt(round)),
            contact.Email, text.Subject, text.Body);
    }

    private static AuditEvent Audit(Round round, ParticipationContacts participation, Contact contact, int day, DateTimeOffset now) =>
        Actor.System.Did("reminder.queued", "participation", participation.ParticipationId, now,
            $"round {round.Id}, user {contact.UserId}, {day} days before the deadline");
}
