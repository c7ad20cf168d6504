namespace Audit.Core.Mail;

/// <summary>
/// A mail Audit owes someone. <see cref="DedupeKey"/> names the reason (e.g. <c>reminder:p_x:7</c>): the
/// outbox holds at most one mail per key, so repeating the cause never sends twice.
/// </summary>
public sealed record OutgoingMail(string Id, string DedupeKey, string Recipient, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>An outbox row as stored.</summary>
public sealed record OutboxEntry(OutgoingMail Mail, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? SentAt, string? LastError);

public interface IMailOutbox
{
    /// <summary>Adds the mail unless one with its dedupe key exists; true when added.</summary>
    Task<bool> EnqueueAsync(OutgoingMail mail, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Unsent mail that no worker holds a lease on, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> PendingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Takes a lease on the mail; exactly one of several concurrent claimers gets true.</summary>
    Task<bool> ClaimAsync(string id, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks the mail sent and removes its body, which may hold a sign-in link; recipient and subject stay on record.</summary>
    Task MarkSentAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records the error and releases the lease so a later run retries.</summary>
    Task MarkFailedAsync(string id, string error, CancellationToken cancellationToken = default);

    Task<OutboxEntry?> FindByDedupeKeyAsync(string dedupeKey, CancellationToken cancellationToken = default);
}
