using Audit.Core.Mail;
using Audit.Core.Rounds;
using Audit.Data.Connections;
using Audit.Data.Mail;
using Audit.Data.Rounds;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Rounds;

/// <summary>
/// Publishing and its mail are one transaction: the status, the history row, the audit event and the mails are all
/// written, or (when the round is not closed any more) none of them; a mail whose dedupe key is queued already is skipped.
/// </summary>
public abstract class RoundPublicationContract : EngineTestBase
{
    private RoundRepository Rounds => new(Factory);
    private RoundPublicationRepository Publication => new(Factory);
    private MailOutboxRepository Outbox => new(Factory);

    private async Task<Round> ClosedRoundAsync()
    {
        var round = await NewStoredRoundAsync(Factory);
        Assert.IsTrue((await Rounds.ChangeStatusAsync(round.Id, RoundStatus.Draft, RoundStatus.Open, Change("round.opened", "round", round.Id))).Changed);
        Assert.IsTrue((await Rounds.ChangeStatusAsync(round.Id, RoundStatus.Open, RoundStatus.Closed, Change("round.closed", "round", round.Id))).Changed);
        return round;
    }

    private static OutgoingMail Mail(string roundId, string userId) =>
        new(NewId("m_"), PublicationMail.DedupeKey(roundId, userId), $"{userId}@example.nl", "Uw feedbackrapport staat klaar", "link");

    [TestMethod]
    public async Task Publishing_writes_the_status_its_history_its_audit_event_and_every_new_mail_together()
    {
        var round = await ClosedRoundAsync();
        var queuedBefore = Mail(round.Id, "u_a");
        Assert.IsTrue(await Outbox.EnqueueAsync(queuedBefore, Now));

        var result = await Publication.PublishAsync(round.Id, Change("round.status-changed", "round", round.Id), [Mail(round.Id, "u_a"), Mail(round.Id, "u_b")]);

        Assert.AreEqual(StatusChangeOutcome.Changed, result.Outcome);
        Assert.AreEqual(RoundStatus.Published, result.Record!.Round.Status);
        Assert.AreEqual(RoundStatus.Published, (await Rounds.StatusHistoryAsync(round.Id))[^1].To);
        Assert.AreEqual(1, await AuditEventsAsync(Factory, round.Id, "round.status-changed"));
        Assert.AreEqual(queuedBefore.Id, (await Outbox.FindByDedupeKeyAsync(PublicationMail.DedupeKey(round.Id, "u_a")))!.Mail.Id, "a queued key is kept");
        Assert.IsNotNull(await Outbox.FindByDedupeKeyAsync(PublicationMail.DedupeKey(round.Id, "u_b")));
    }

    [TestMethod]
    public async Task A_round_that_is_not_closed_is_not_published_and_no_mail_is_queued()
    {
        var round = await NewStoredRoundAsync(Factory);

        var result = await Publication.PublishAsync(round.Id, Change("round.status-changed", "round", round.Id), [Mail(round.Id, "u_a")]);
        var missing = await Publication.PublishAsync(NewId("missing"), Change("round.status-changed", "round", "x"), []);

        Assert.AreEqual(StatusChangeOutcome.StatusMismatch, result.Outcome);
        Assert.AreEqual(RoundStatus.Draft, result.Record!.Round.Status);
        Assert.IsNull(await Outbox.FindByDedupeKeyAsync(PublicationMail.DedupeKey(round.Id, "u_a")));
        Assert.AreEqual(0, await AuditEventsAsync(Factory, round.Id, "round.status-changed"));
        Assert.AreEqual(StatusChangeOutcome.NotFound, missing.Outcome);
    }

    [TestMethod]
    public async Task Of_concurrent_publications_exactly_one_wins()
    {
        var round = await ClosedRoundAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            Publication.PublishAsync(round.Id, Change("round.status-changed", "round", round.Id), [Mail(round.Id, $"u_{i}")]))));

        Assert.ContainsSingle(r => r.Changed, results);
        Assert.AreEqual(1, await AuditEventsAsync(Factory, round.Id, "round.status-changed"));
    }
}

[TestClass]
public sealed class SqliteRoundPublicationTests : RoundPublicationContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresRoundPublicationTests : RoundPublicationContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerRoundPublicationTests : RoundPublicationContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
