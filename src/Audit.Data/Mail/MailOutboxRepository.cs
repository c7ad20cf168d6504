using Audit.Core.Mail;

namespace Audit.Data.Mail;

public sealed class MailOutboxRepository(IDbConnectionFactory factory) : IMailOutbox
{
    private readonly MailOutboxSql _sql = new(factory.Dialect);

    public async Task<bool> EnqueueAsync(OutgoingMail mail, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await EnqueueAsync(connection, null, _sql, mail, now, cancellationToken);
    }

    /// <summary>Enqueues inside the caller's transaction, so the mail is owed exactly when its cause is committed.</summary>
    internal static async Task<bool> EnqueueAsync(
        DbConnection connection, DbTransaction? transaction, MailOutboxSql sql, OutgoingMail mail, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(sql.Enqueue, new
        {
            id = mail.Id,
            dedupe_key = mail.DedupeKey,
            recipient = mail.Recipient,
            subject = mail.Subject,
            text_body = mail.TextBody,
            html_body = mail.HtmlBody,
            created_at = now,
            attempts = 0,
        }, transaction, cancellationToken: cancellationToken)) == 1;

    public async Task<IReadOnlyList<OutboxEntry>> PendingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(_sql.Pending(Math.Clamp(limit, 1, 500)), new { now }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public async Task<bool> ClaimAsync(string id, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(_sql.Claim, new { id, now, until = now.Add(lease) }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task MarkSentAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(_sql.MarkSent, new { id, now }, cancellationToken: cancellationToken));
    }

    public async Task MarkFailedAsync(string id, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(_sql.MarkFailed, new { id, error = error.Length > 2000 ? error[..2000] : error },
            cancellationToken: cancellationToken));
    }

    public async Task<OutboxEntry?> FindByDedupeKeyAsync(string dedupeKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(_sql.FindByDedupeKey, new { dedupeKey }, cancellationToken: cancellationToken));
        return row?.ToEntry();
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string DedupeKey { get; set; } = "";
        public string Recipient { get; set; } = "";
        public string Subject { get; set; } = "";
        public string TextBody { get; set; } = "";
        public string? HtmlBody { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public int Attempts { get; set; }
        public DateTimeOffset? SentAt { get; set; }
        public string? LastError { get; set; }

        public OutboxEntry ToEntry() => new(new OutgoingMail(Id, DedupeKey, Recipient, Subject, TextBody, HtmlBody), CreatedAt, Attempts, SentAt, LastError);
    }
}
