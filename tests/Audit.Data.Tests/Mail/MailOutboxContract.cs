using Audit.Core.Mail;
using Audit.Data.Connections;
using Audit.Data.Mail;

namespace Audit.Data.Tests.Mail;

/// <summary>The outbox never holds two mails for one reason, and never lets two workers send one mail.</summary>
public abstract class MailOutboxContract : EngineTestBase
{
    private MailOutboxRepository Outbox => new(Factory);

    private static OutgoingMail Mail(string key) =>
        new(Fixtures.NewId("m_"), key, "coordinator@uva.nl", "Herinnering", "Nog 7 dagen.");

    [TestMethod]
    public async Task A_dedupe_key_is_enqueued_once()
    {
        var key = "reminder:" + Fixtures.NewId("p_") + ":7";

        Assert.IsTrue(await Outbox.EnqueueAsync(Mail(key), Fixtures.Now));
        Assert.IsFalse(await Outbox.EnqueueAsync(Mail(key), Fixtures.Now));

        Assert.IsNotNull(await Outbox.FindByDedupeKeyAsync(key));
    }

    [TestMethod]
    public async Task Exactly_one_concurrent_claimer_wins_and_sent_mail_is_no_longer_pending()
    {
        var mail = Mail("test:" + Fixtures.NewId("x_"));
        await Outbox.EnqueueAsync(mail, Fixtures.Now);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Outbox.ClaimAsync(mail.Id, Fixtures.Now, TimeSpan.FromMinutes(5)))));

        Assert.ContainsSingle(c => c, claims);
        Assert.DoesNotContain(mail.Id, (await Outbox.PendingAsync(Fixtures.Now, 500)).Select(e => e.Mail.Id), "leased");
        await Outbox.MarkSentAsync(mail.Id, Fixtures.Now);
        Assert.DoesNotContain(mail.Id, (await Outbox.PendingAsync(Fixtures.Now.AddHours(1), 500)).Select(e => e.Mail.Id), "sent");
        Assert.IsFalse(await Outbox.ClaimAsync(mail.Id, Fixtures.Now.AddHours(1), TimeSpan.FromMinutes(5)), "a sent mail cannot be claimed");
        var sent = (await Outbox.FindByDedupeKeyAsync(mail.DedupeKey))!;
        Assert.AreEqual(MailOutboxSql.SentBodyPlaceholder, sent.Mail.TextBody, "the body, which may hold a sign-in link, is gone");
        Assert.AreEqual(mail.Subject, sent.Mail.Subject);
    }

    [TestMethod]
    public async Task A_failure_releases_the_lease_for_a_retry()
    {
        var mail = Mail("test:" + Fixtures.NewId("x_"));
        await Outbox.EnqueueAsync(mail, Fixtures.Now);
        Assert.IsTrue(await Outbox.ClaimAsync(mail.Id, Fixtures.Now, TimeSpan.FromMinutes(5)));

        await Outbox.MarkFailedAsync(mail.Id, "connection refused");

        var entry = (await Outbox.PendingAsync(Fixtures.Now, 500)).Single(e => e.Mail.Id == mail.Id);
        Assert.AreEqual(1, entry.Attempts);
        Assert.AreEqual("connection refused", entry.LastError);
    }
}

[TestClass]
public sealed class SqliteMailOutboxTests : MailOutboxContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresMailOutboxTests : MailOutboxContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerMailOutboxTests : MailOutboxContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
