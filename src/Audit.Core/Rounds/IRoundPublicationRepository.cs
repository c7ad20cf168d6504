using Audit.Core.AuditTrail;
using Audit.Core.Mail;

namespace Audit.Core.Rounds;

/// <summary>
/// Publishing a round and owing its mail are one fact: the closed → published change, its history row, its audit event
/// and the "your feedback report is ready" mails are written in one transaction, so a crash can neither publish without
/// the mails nor queue mails for a round that was not published.
/// </summary>
public interface IRoundPublicationRepository
{
    /// <summary>
    /// Compare-and-set from closed to published (as <see cref="IRoundRepository.ChangeStatusAsync"/>), and with it every
    /// mail of <paramref name="mails"/> whose dedupe key the outbox does not hold yet. Nothing is written unless the
    /// status changed.
    /// </summary>
    Task<StatusChangeResult<RoundRecord>> PublishAsync(
        string roundId, AuditEvent audit, IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken = default);
}
