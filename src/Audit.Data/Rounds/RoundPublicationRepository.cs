using Audit.Core.Mail;
using Audit.Core.Rounds;
using Audit.Data.Mail;

namespace Audit.Data.Rounds;

/// <summary>
/// Publishing with its mail in one transaction: the compare-and-set and history row of <see cref="RoundRepository"/>,
/// then each mail through the outbox's insert-if-absent on its dedupe key, then the audit event.
/// </summary>
public sealed class RoundPublicationRepository(IDbConnectionFactory factory) : IRoundPublicationRepository
{
    private readonly RoundSql _sql = new(factory.Dialect);
    private readonly MailOutboxSql _outbox = new(factory.Dialect);
    private readonly RoundRepository _rounds = new(factory);

    public Task<StatusChangeResult<RoundRecord>> PublishAsync(
        string roundId, AuditEvent audit, IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(mails);
        var parameters = new
        {
            id = roundId,
            expected = RoundStatus.Closed.ToWireName(),
            to = RoundStatus.Published.ToWireName(),
            now = audit.OccurredAt,
            actorId = audit.ActorId,
        };
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var changed = await StatusChanges.TryChangeAsync(c, t, _sql.ChangeStatus, _sql.InsertStatusChange, parameters, cancellationToken);
            if (changed)
            {
                foreach (var mail in mails)
                {
                    // A key already in the outbox is a mail already owed: skipping it is what makes a retry harmless.
                    await MailOutboxRepository.EnqueueAsync(c, t, _outbox, mail, audit.OccurredAt, cancellationToken);
                }
                await AuditEventRepository.WriteAsync(c, t, audit, cancellationToken);
            }
            var current = await _rounds.GetAsync(c, t, roundId, cancellationToken);
            var outcome = changed ? StatusChangeOutcome.Changed
                : current is null ? StatusChangeOutcome.NotFound
                : StatusChangeOutcome.StatusMismatch;
            return (changed, new StatusChangeResult<RoundRecord>(outcome, current));
        }, cancellationToken);
    }
}
