using Audit.Core.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Audit.Api.Mail;

/// <summary>
/// Sends what the outbox owes. Each mail is claimed with a lease first, so two workers never send the
/// same one; a failure releases the lease and the next run retries.
/// </summary>
public sealed class MailOutboxJob(IMailOutbox outbox, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailOutboxJob> logger)
{
    public const string RecurringId = "mail-outbox";
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public const int MaxAttempts = 10;

    public async Task<int> SendPendingAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        foreach (var entry in await outbox.PendingAsync(clock.GetUtcNow(), 100, cancellationToken))
        {
            if (entry.Attempts >= MaxAttempts || !await outbox.ClaimAsync(entry.Mail.Id, clock.GetUtcNow(), Lease, cancellationToken))
            {
                continue;
            }
            try
            {
                await transport.SendAsync(Build(entry.Mail), cancellationToken);
                await outbox.MarkSentAsync(entry.Mail.Id, clock.GetUtcNow(), cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sending mail {MailId} ({DedupeKey}) failed; it will be retried.", entry.Mail.Id, entry.Mail.DedupeKey);
                await outbox.MarkFailedAsync(entry.Mail.Id, ex.Message, cancellationToken);
            }
        }
        return sent;
    }

    private MimeMessage Build(OutgoingMail mail)
    {
        var message = new MimeMessage { Subject = mail.Subject, MessageId = $"{mail.Id}@audit" };
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.From));
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}
