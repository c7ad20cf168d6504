namespace Audit.Data.Mail;

public sealed class MailOutboxSql(ISqlDialect dialect)
{
    private const string Columns =
        "id, dedupe_key AS DedupeKey, recipient, subject, text_body AS TextBody, html_body AS HtmlBody, created_at AS CreatedAt, attempts, sent_at AS SentAt, last_error AS LastError";

    public string Enqueue { get; } = dialect.InsertIfAbsent("mail_outbox", ["dedupe_key"],
        ["id", "recipient", "subject", "text_body", "html_body", "created_at", "attempts"]);

    public string Pending(int limit) =>
        $"SELECT {Columns} FROM mail_outbox WHERE sent_at IS NULL AND (locked_until IS NULL OR locked_until < @now) " +
        "ORDER BY created_at, id " + dialect.Paging(0, limit);

    /// <summary>The paged pending query at a fixed size, so the T-SQL parse test covers its shape.</summary>
    public string PendingFirstPage => Pending(50);

    public string Claim { get; } =
        "UPDATE mail_outbox SET locked_until = @until, attempts = attempts + 1 " +
        "WHERE id = @id AND sent_at IS NULL AND (locked_until IS NULL OR locked_until < @now)";

    /// <summary>
    /// The body goes once the mail is out: an invitation's body holds a working sign-in link, and the point of storing
    /// only token hashes is that reading the database gives no one a way in.
    /// </summary>
    public string MarkSent { get; } =
        $"UPDATE mail_outbox SET sent_at = @now, locked_until = NULL, last_error = NULL, text_body = '{SentBodyPlaceholder}', html_body = NULL WHERE id = @id";

    public const string SentBodyPlaceholder = "(removed after sending)";

    public string MarkFailed { get; } = "UPDATE mail_outbox SET locked_until = NULL, last_error = @error WHERE id = @id AND sent_at IS NULL";

    public string FindByDedupeKey { get; } = $"SELECT {Columns} FROM mail_outbox WHERE dedupe_key = @dedupeKey";
}
