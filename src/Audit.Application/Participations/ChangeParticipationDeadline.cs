using Audit.Application.Invitations;
using Audit.Core.Mail;

namespace Audit.Application.Participations;

/// <summary>The text of the mail that tells an institution's contact about a new deadline. The web project writes it (it knows the links).</summary>
public interface IDeadlineMails
{
    /// <summary>The mail to <paramref name="contact"/>: the round, the institution and its deadline from now on.</summary>
    MailText DeadlineChanged(Round round, ParticipationContacts participation, Contact contact, DateTimeOffset closesAt);
}

/// <summary>
/// The bureau gives one institution its own deadline in a draft or open round (an extension), or gives it the round's
/// back (null). Written in one transaction with its audit event and a mail to each of the institution's active
/// contacts, queued once per contact and deadline (the dedupe key names both), so saving the same deadline twice mails
/// nobody twice. The respondent pages, the reminders and the dashboard use the effective deadline.
/// </summary>
public sealed class ChangeParticipationDeadline(
    ParticipationScopes scopes, IParticipationRepository participations, IRoundMailRepository roundMail, IDeadlineMails mails, TimeProvider clock)
{
    public static string DedupeKey(string participationId, string userId, DateTimeOffset closesAt) =>
        $"deadline:{participationId}:{userId}:{closesAt.UtcDateTime:yyyyMMddTHHmmss}";

    public async Task<Outcome<ParticipationRecord>> ExecuteAsync(
        Caller caller, string participationId, DateTimeOffset? closesAt, bool reset, CancellationToken cancellationToken)
    {
        if (Permission.BureauOnly(caller) is { } refused)
        {
            return refused;
        }
        var found = await scopes.VisibleAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        var round = scope.Round.Round;
        if (!reset)
        {
            var errors = RoundRules.ValidateParticipationDeadline(round, closesAt);
            if (errors.Count > 0)
            {
                return new Failure.Invalid(FieldErrors.ToDictionary(errors));
            }
        }
        if (RoundRules.CanChange(round.Status) is { IsAllowed: false } denied)
        {
            return new Failure.Conflict(denied.Reason!);
        }
        var own = reset ? null : closesAt;
        var effective = own ?? round.ClosesAt;
        var contacts = (await roundMail.ContactsAsync(round.Id, cancellationToken)).FirstOrDefault(c => c.ParticipationId == participationId);
        var queued = effective == scope.Participation.EffectiveClosesAt(round) || contacts is null
            ? []
            : contacts.Contacts.Select(c => Mail(mails.DeadlineChanged(round, contacts, c, effective), participationId, c, effective)).ToList();
        var audit = caller.ToActor().Did("participation.deadline-changed", "participation", participationId, clock.GetUtcNow(),
            $"{scope.Participation.ClosesAt?.ToString("O") ?? "round's"} → {own?.ToString("O") ?? "round's"} ({queued.Count} mail(s))");
        return await participations.SetDeadlineAsync(participationId, own, queued, audit, cancellationToken) is { } updated
            ? updated
            : ParticipationScopes.NotFound(participationId);
    }

    private static OutgoingMail Mail(MailText text, string participationId, Contact contact, DateTimeOffset closesAt) =>
        new(AccessTokens.NewId("m_"), DedupeKey(participationId, contact.UserId, closesAt), contact.Email, text.Subject, text.Body);
}
