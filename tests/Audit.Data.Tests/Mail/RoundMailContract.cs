using Audit.Core.Access;
using Audit.Core.Mail;
using Audit.Core.Rounds;
using Audit.Data.Access;
using Audit.Data.Connections;
using Audit.Data.Mail;
using Audit.Data.Rounds;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Mail;

/// <summary>
/// Round mail is queued once, whatever the number of concurrent callers: the database's unique constraints and
/// compare-and-set updates decide, inside the transaction that writes the token, the mail and the audit event.
/// </summary>
public abstract class RoundMailContract : EngineTestBase
{
    private RoundMailRepository RoundMail => new(Factory);
    private UserRepository Users => new(Factory);
    private MailOutboxRepository Outbox => new(Factory);

    private sealed record World(Round Round, string ParticipationId, string InstitutionId, User Contact, string EmptyInstitutionId);

    private async Task<World> WorldAsync()
    {
        var round = await NewStoredRoundAsync(Factory);
        var institution = await NewInstitutionAsync(Factory);
        var empty = await NewInstitutionAsync(Factory);
        var invited = await new ParticipationRepository(Factory).InviteAsync(round.Id, [institution.Id, empty.Id], Tester, Now);
        var contact = await UserAsync(Role.Respondent, institution.Id, "b");
        await UserAsync(Role.Respondent, institution.Id, "a");
        await UserAsync(Role.Respondent, institution.Id, "z", active: false);
        await UserAsync(Role.Respondent, empty.Id, "gone", active: false);
        var participation = invited.Participations.Single(p => p.InstitutionId == institution.Id);
        return new World(round, participation.Id, institution.Id, contact, empty.Id);
    }

    private async Task<User> UserAsync(Role role, string? institutionId, string name, bool active = true)
    {
        var user = new User(NewId("u_"), name, $"{name}.{NewId("")}@example.nl", role, institutionId, active, Now);
        Assert.IsTrue(await Users.InsertAsync(user, Change("user.created", "user", user.Id)));
        return user;
    }

    private static (InvitationWrite Write, string Plain) Invitation(World world, string? replaces = null, int sends = 1)
    {
        var plain = AccessTokens.NewToken();
        var token = new StoredToken(NewId("t_"), world.Contact.Id, TokenKind.Invitation, AccessTokens.Hash(plain), Now, Now.AddDays(30));
        var mail = new OutgoingMail(NewId("m_"), $"invitation:{world.Round.Id}:{world.Contact.Id}:{sends}", world.Contact.Email, "Uitnodiging", "link: " + plain);
        return (new InvitationWrite(world.Round.Id, token, mail, Change("invitation.created", "token", token.Id), replaces), plain);
    }

    [TestMethod]
    public async Task Contacts_are_the_active_respondents_and_an_institution_without_one_is_listed_empty()
    {
        var world = await WorldAsync();

        var contacts = await RoundMail.ContactsAsync(world.Round.Id);

        Assert.HasCount(2, contacts);
        var own = contacts.Single(c => c.ParticipationId == world.ParticipationId);
        Assert.AreSequenceEqual(new[] { "a", "b" }, own.Contacts.Select(c => c.Name).ToArray());
        Assert.AreEqual(ParticipationStatus.Invited, own.Status);
        Assert.IsEmpty(contacts.Single(c => c.InstitutionId == world.EmptyInstitutionId).Contacts);
    }

    [TestMethod]
    public async Task Of_concurrent_first_invitations_exactly_one_is_queued()
    {
        var world = await WorldAsync();
        var writes = Enumerable.Range(0, 6).Select(_ => Invitation(world)).ToList();

        var outcomes = await Task.WhenAll(writes.Select(w => Task.Run(() => RoundMail.QueueInvitationAsync(w.Write, Now))));

        Assert.ContainsSingle(o => o == InvitationWriteOutcome.Queued, outcomes);
        Assert.AreEqual(5, outcomes.Count(o => o == InvitationWriteOutcome.AlreadyInvited));
        var record = (await RoundMail.InvitationsAsync(world.Round.Id)).Single();
        var winner = writes.Single(w => w.Write.Token.Id == record.TokenId);
        Assert.AreEqual(winner.Write.Mail.Id, (await Outbox.FindByDedupeKeyAsync(winner.Write.Mail.DedupeKey))!.Mail.Id);
        Assert.IsNotNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(winner.Plain), Now));
        foreach (var loser in writes.Where(w => w != winner))
        {
            Assert.IsNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(loser.Plain), Now), "a refused write leaves no token");
        }
        Assert.AreEqual(1, await AuditEventsAsync(Factory, record.TokenId, "invitation.created"));
    }

    [TestMethod]
    public async Task Of_concurrent_resends_exactly_one_replaces_the_link_and_the_old_link_is_revoked()
    {
        var world = await WorldAsync();
        var first = Invitation(world);
        Assert.AreEqual(InvitationWriteOutcome.Queued, await RoundMail.QueueInvitationAsync(first.Write, Now));
        var resends = Enumerable.Range(0, 4).Select(_ => Invitation(world, replaces: first.Write.Token.Id, sends: 2)).ToList();

        var outcomes = await Task.WhenAll(resends.Select(w => Task.Run(() => RoundMail.QueueInvitationAsync(w.Write, Now.AddMinutes(1)))));

        Assert.ContainsSingle(o => o == InvitationWriteOutcome.Queued, outcomes);
        Assert.AreEqual(3, outcomes.Count(o => o == InvitationWriteOutcome.Superseded));
        var record = (await RoundMail.InvitationsAsync(world.Round.Id)).Single();
        Assert.AreEqual(2, record.Sends);
        var winner = resends.Single(w => w.Write.Token.Id == record.TokenId);
        Assert.AreEqual(winner.Write.Mail.Id, record.MailId);
        Assert.IsNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(first.Plain), Now.AddMinutes(2)), "the replaced link is revoked");
        Assert.IsNotNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(winner.Plain), Now.AddMinutes(2)));
    }

    [TestMethod]
    public async Task A_mail_with_its_audit_event_is_queued_once_by_concurrent_callers()
    {
        var participationId = NewId("p_");
        var key = ReminderSchedule.DedupeKey(participationId, "u_x", 7, Now.AddDays(7));

        var queued = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => RoundMail.QueueAsync(
            new OutgoingMail(NewId("m_"), key, "x@example.nl", "Herinnering", "Nog 7 dagen."),
            Change("reminder.queued", "participation", participationId), Now))));

        Assert.ContainsSingle(q => q, queued);
        Assert.IsNotNull(await Outbox.FindByDedupeKeyAsync(key));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, participationId, "reminder.queued"), "no audit event for a mail not queued");
    }
}

[TestClass]
public sealed class SqliteRoundMailTests : RoundMailContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresRoundMailTests : RoundMailContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerRoundMailTests : RoundMailContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
