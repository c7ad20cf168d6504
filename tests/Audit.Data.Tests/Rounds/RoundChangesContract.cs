using Audit.Core.Mail;
using Audit.Core.Paging;
using Audit.Core.Rounds;
using Audit.Data.Connections;
using Audit.Data.Mail;
using Audit.Data.Rounds;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Rounds;

/// <summary>
/// Issue 17 on every engine: a round's reference date and guarded update, a participation's own deadline (with its
/// mail in the same transaction), and removing a participation (hidden everywhere, restored by a new invitation).
/// </summary>
public abstract class RoundChangesContract : EngineTestBase
{
    private RoundRepository Rounds => new(Factory);

    private ParticipationRepository Participations => new(Factory);

    [TestMethod]
    public async Task The_reference_date_is_stored_as_a_date_and_an_update_is_a_compare_and_set_on_version_and_status()
    {
        var round = NewRound(await NewQuestionnaireAsync(Factory)) with { ReferenceDate = new DateOnly(2025, 12, 31) };
        Assert.AreEqual(RoundInsertOutcome.Inserted, await Rounds.InsertAsync(round, Change("round.created", "round", round.Id)));
        var before = (await Rounds.GetAsync(round.Id))!.Round;
        Assert.AreEqual(new DateOnly(2025, 12, 31), before.ReferenceDate);

        var changed = before with { Title = "Nieuw", ClosesAt = round.ClosesAt.AddDays(14), ReferenceDate = new DateOnly(2026, 1, 1) };
        var stale = await Rounds.UpdateAsync(changed, expectedVersion: 2, Change("round.changed", "round", round.Id));
        Assert.IsFalse(stale.Updated);
        Assert.AreEqual(before, stale.Current!.Round, "nothing changed");

        var updated = await Rounds.UpdateAsync(changed, expectedVersion: 1, Change("round.changed", "round", round.Id, Now.AddHours(1)));
        Assert.IsTrue(updated.Updated);
        Assert.AreEqual(changed, updated.Current!.Round);
        Assert.AreEqual(2, updated.Current.RowVersion);
        Assert.AreEqual(Now.AddHours(1), updated.Current.UpdatedAt);
        Assert.AreEqual(1, await AuditEventsAsync(Factory, round.Id, "round.changed"));

        await MoveRoundAsync(Factory, round.Id, RoundStatus.Draft, RoundStatus.Open);
        await MoveRoundAsync(Factory, round.Id, RoundStatus.Open, RoundStatus.Closed);
        var closed = await Rounds.UpdateAsync(changed with { Title = "Te laat" }, expectedVersion: 4, Change("round.changed", "round", round.Id));
        Assert.IsFalse(closed.Updated, "a closed round is not changed");
        Assert.AreEqual("Nieuw", closed.Current!.Round.Title);
        Assert.IsNull((await Rounds.UpdateAsync(NewRound(round.Questionnaire), 1, Change("round.changed", "round", "x"))).Current);
    }

    [TestMethod]
    public async Task A_rounds_cycle_is_stored_changed_and_cleared_and_the_list_filters_on_it()
    {
        var questionnaire = await NewQuestionnaireAsync(Factory);
        var cycle = NewId("c-");
        var first = NewRound(questionnaire) with { Cycle = cycle };
        var other = NewRound(questionnaire);
        Assert.AreEqual(RoundInsertOutcome.Inserted, await Rounds.InsertAsync(first, Change("round.created", "round", first.Id)));
        Assert.AreEqual(RoundInsertOutcome.Inserted, await Rounds.InsertAsync(other, Change("round.created", "round", other.Id)));
        Assert.AreEqual(cycle, (await Rounds.GetAsync(first.Id))!.Round.Cycle);

        var moved = await Rounds.UpdateAsync(other with { Cycle = cycle }, 1, Change("round.changed", "round", other.Id));
        Assert.AreEqual(cycle, moved.Current!.Round.Cycle);
        var listed = await Rounds.ListAsync(new RoundQuery(Cycle: cycle), new PageRequest(1, 50));
        Assert.AreSequenceEqual(new[] { first.Id, other.Id }.Order(StringComparer.Ordinal).ToArray(), listed.Items.Select(r => r.Round.Id).Order(StringComparer.Ordinal).ToArray());

        var cleared = await Rounds.UpdateAsync(first with { Cycle = null }, 1, Change("round.changed", "round", first.Id));
        Assert.IsNull(cleared.Current!.Round.Cycle);
        Assert.AreEqual(1, (await Rounds.ListAsync(new RoundQuery(Cycle: cycle), new PageRequest(1, 50))).Total);
    }

    [TestMethod]
    public async Task A_participations_own_deadline_is_stored_with_its_mail_and_shows_in_progress_and_contacts()
    {
        var round = await OpenRoundAsync(Factory);
        var p = await InvitedAsync(Factory, round);
        var closesAt = round.ClosesAt.AddDays(10);
        var mail = new OutgoingMail(NewId("m_"), "deadline:" + p.Id, "a@example.nl", "Nieuwe deadline", "tekst");

        var set = await Participations.SetDeadlineAsync(p.Id, closesAt, [mail], Change("participation.deadline-changed", "participation", p.Id));

        Assert.AreEqual(closesAt, set!.ClosesAt);
        Assert.AreEqual(closesAt, set.EffectiveClosesAt(round));
        Assert.AreEqual(p.RowVersion + 1, set.RowVersion);
        Assert.AreEqual(closesAt, (await Participations.GetAsync(p.Id))!.ClosesAt);
        Assert.AreEqual(closesAt, (await new RoundProgressQuery(Factory).ListAsync(round.Id)).Single().ClosesAt);
        Assert.AreEqual(closesAt, (await new RoundMailRepository(Factory).ContactsAsync(round.Id)).Single().ClosesAt);
        Assert.IsNotNull(await new MailOutboxRepository(Factory).FindByDedupeKeyAsync(mail.DedupeKey));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, p.Id, "participation.deadline-changed"));

        var back = await Participations.SetDeadlineAsync(p.Id, null, [mail], Change("participation.deadline-changed", "participation", p.Id));
        Assert.IsNull(back!.ClosesAt);
        Assert.AreEqual(round.ClosesAt, back.EffectiveClosesAt(round));
        Assert.IsNull(await Participations.SetDeadlineAsync("p_missing", closesAt, [], Change("participation.deadline-changed", "participation", "p_missing")));
    }

    [TestMethod]
    public async Task A_removed_participation_is_hidden_everywhere_and_an_invitation_restores_it_as_it_was()
    {
        var round = await OpenRoundAsync(Factory);
        var answered = await InvitedAsync(Factory, round);
        var untouched = await InvitedAsync(Factory, round);
        await SaveAllAsync(Factory, answered.Id, Write("k", "1"));
        Assert.AreEqual(1, await Participations.AnswerCountAsync(answered.Id));
        Assert.AreEqual(0, await Participations.AnswerCountAsync(untouched.Id));

        Assert.AreEqual(ParticipationRemoveOutcome.HasAnswers,
            await Participations.RemoveAsync(answered.Id, evenWithAnswers: false, Change("participation.removed", "participation", answered.Id)));
        Assert.IsNotNull(await Participations.GetAsync(answered.Id), "refused: nothing changed");
        Assert.AreEqual(0, await AuditEventsAsync(Factory, answered.Id, "participation.removed"));
        Assert.AreEqual(ParticipationRemoveOutcome.Removed,
            await Participations.RemoveAsync(untouched.Id, evenWithAnswers: false, Change("participation.removed", "participation", untouched.Id)));
        Assert.AreEqual(ParticipationRemoveOutcome.Removed,
            await Participations.RemoveAsync(answered.Id, evenWithAnswers: true, Change("participation.removed", "participation", answered.Id)));
        Assert.AreEqual(ParticipationRemoveOutcome.NotFound,
            await Participations.RemoveAsync(answered.Id, evenWithAnswers: true, Change("participation.removed", "participation", answered.Id)));

        Assert.IsNull(await Participations.GetAsync(answered.Id));
        Assert.IsNull(await Participations.FindAsync(round.Id, answered.InstitutionId));
        Assert.AreEqual(0, (await Participations.ListByRoundAsync(round.Id, new PageRequest())).Total);
        Assert.IsEmpty(await Participations.InstitutionTypesAsync(round.Id));
        Assert.IsEmpty(await new RoundProgressQuery(Factory).ListAsync(round.Id));
        Assert.IsEmpty(await new RoundMailRepository(Factory).ContactsAsync(round.Id));
        Assert.IsEmpty(await new Audit.Data.Institutions.InstitutionDirectory(Factory).ParticipationsAsync(answered.InstitutionId), "nor on the institution's page");
        Assert.AreEqual(1, await AuditEventsAsync(Factory, answered.Id, "participation.removed"));

        var again = await Participations.InviteAsync(round.Id, [answered.InstitutionId], Tester, Now.AddDays(1));
        Assert.AreSequenceEqual(new[] { answered.Id }, again.CreatedIds.ToList());
        Assert.AreEqual(answered.Id, again.Participations.Single().Id);
        Assert.AreEqual(1, await Participations.AnswerCountAsync(answered.Id), "its answers are back with it");
        Assert.AreEqual(1, await AuditEventsAsync(Factory, answered.Id, "participation.restored"));
    }
}

[TestClass]
public sealed class SqliteRoundChangesTests : RoundChangesContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresRoundChangesTests : RoundChangesContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerRoundChangesTests : RoundChangesContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
