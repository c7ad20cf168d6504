using Audit.Core.Institutions;
using Audit.Core.Paging;
using Audit.Core.Rounds;
using Audit.Data.Connections;
using Audit.Data.Institutions;
using Audit.Data.Rounds;
using Audit.Data.Seeding;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Rounds;

/// <summary>
/// Invitations and participation status changes behave the same on every engine. Institutions created here
/// are of type overig and inactive ones are excluded from invitations by type, so the by-type counts always
/// match the shipped registry.
/// </summary>
public abstract class ParticipationRepositoryContract : EngineTestBase
{
    private ParticipationRepository Participations => new(Factory);

    private async Task<ParticipationRecord> InvitedAsync(Round round, Institution institution)
    {
        var result = await Participations.InviteAsync(round.Id, [institution.Id], Tester, Now);
        Assert.AreEqual(InviteOutcome.Done, result.Outcome);
        return result.Participations.Single();
    }

    private Task<StatusChangeResult<ParticipationRecord>> MoveAsync(
        ParticipationRecord participation, ParticipationStatus from, ParticipationStatus to, DateTimeOffset at) =>
        Participations.ChangeStatusAsync(participation.Id, from, to, Change("participation." + to.ToWireName(), "participation", participation.Id, at));

    [TestMethod]
    public async Task Inviting_by_ids_is_idempotent_and_leaves_existing_participations_untouched()
    {
        var round = await NewStoredRoundAsync(Factory);
        var a = await NewInstitutionAsync(Factory);
        var b = await NewInstitutionAsync(Factory);
        var c = await NewInstitutionAsync(Factory);

        var first = await Participations.InviteAsync(round.Id, [b.Id, a.Id, a.Id], Tester, Now);
        Assert.AreEqual(InviteOutcome.Done, first.Outcome);
        Assert.HasCount(2, first.CreatedIds);
        var sorted = new[] { a.Id, b.Id }.Order(StringComparer.Ordinal).ToList();
        Assert.AreSequenceEqual(sorted, first.Participations.Select(p => p.InstitutionId).ToList());
        Assert.IsTrue(first.Participations.All(p => p.Status == ParticipationStatus.Invited && p.Id.StartsWith("p_", StringComparison.Ordinal)));
        var bBefore = first.Participations.Single(p => p.InstitutionId == b.Id);
        var started = await MoveAsync(bBefore, ParticipationStatus.Invited, ParticipationStatus.InProgress, Now.AddHours(1));

        var second = await Participations.InviteAsync(round.Id, [b.Id, c.Id], Tester, Now.AddDays(1));

        Assert.HasCount(1, second.CreatedIds);
        Assert.HasCount(2, second.Participations);
        Assert.AreEqual(started.Record, second.Participations.Single(p => p.InstitutionId == b.Id), "b is returned as it was");
        var cParticipation = second.Participations.Single(p => p.InstitutionId == c.Id);
        Assert.AreEqual(cParticipation.Id, second.CreatedIds[0]);
        Assert.AreEqual(3, (await Participations.ListByRoundAsync(round.Id, new PageRequest())).Total);
        Assert.AreEqual(1, await AuditEventsAsync(Factory, cParticipation.Id, "participation.invited"));
    }

    [TestMethod]
    public async Task Inviting_by_types_takes_every_active_institution_of_those_types_once()
    {
        await InstitutionRegistryFile.SeedAsync(new InstitutionRepository(Factory), InstitutionRegistryFile.DefaultPath, Tester, Now);
        await NewInstitutionAsync(Factory, InstitutionType.Umc, active: false);
        var round = await NewStoredRoundAsync(Factory);

        var first = await Participations.InviteByTypesAsync(round.Id, [InstitutionType.Umc, InstitutionType.To2Instituut], Tester, Now);
        var again = await Participations.InviteByTypesAsync(round.Id, [InstitutionType.Umc, InstitutionType.To2Instituut], Tester, Now);

        Assert.HasCount(12, first.CreatedIds);
        Assert.AreEqual(7, first.Participations.Count(p => p.InstitutionType == InstitutionType.Umc));
        Assert.AreEqual(5, first.Participations.Count(p => p.InstitutionType == InstitutionType.To2Instituut));
        Assert.IsEmpty(again.CreatedIds);
        Assert.AreSequenceEqual(first.Participations.Select(p => p.Id).ToList(), again.Participations.Select(p => p.Id).ToList());
        Assert.AreSequenceEqual(new[] { InstitutionType.To2Instituut, InstitutionType.Umc }.Order().ToList(),
            (await Participations.InstitutionTypesAsync(round.Id)).ToList());
        Assert.IsEmpty(await Participations.InstitutionTypesAsync("no-such-round"));
    }

    [TestMethod]
    public async Task An_unknown_or_inactive_institution_or_round_invites_nobody()
    {
        var round = await NewStoredRoundAsync(Factory);
        var known = await NewInstitutionAsync(Factory);
        var inactive = await NewInstitutionAsync(Factory, active: false);
        var unknownId = NewId("missing");

        var result = await Participations.InviteAsync(round.Id, [known.Id, unknownId, inactive.Id], Tester, Now);

        Assert.AreEqual(InviteOutcome.InstitutionsNotInvitable, result.Outcome);
        Assert.AreSequenceEqual(new[] { unknownId }, result.UnknownInstitutionIds.ToList());
        Assert.AreSequenceEqual(new[] { inactive.Id }, result.InactiveInstitutionIds.ToList());
        Assert.IsEmpty(result.Participations);
        Assert.AreEqual(0, (await Participations.ListByRoundAsync(round.Id, new PageRequest())).Total);

        var noRound = await Participations.InviteAsync(NewId("missing"), [known.Id], Tester, Now);
        Assert.AreEqual(InviteOutcome.RoundNotFound, noRound.Outcome);
    }

    [TestMethod]
    public async Task The_schema_itself_refuses_unknown_references_and_a_second_participation()
    {
        var round = await NewStoredRoundAsync(Factory);
        var institution = await NewInstitutionAsync(Factory);
        var existing = await InvitedAsync(round, institution);
        string Insert(string roundId, string institutionId) =>
            "INSERT INTO participations (id, round_id, institution_id, status, created_at, updated_at) " +
            $"VALUES ('{NewId("p_")}', '{roundId}', '{institutionId}', 'invited', '2023-01-01 00:00:00', '2023-01-01 00:00:00')";

        await AssertRefusedAsync(Factory, Insert(round.Id, NewId("missing")));
        await AssertRefusedAsync(Factory, Insert(NewId("missing"), institution.Id));
        await AssertRefusedAsync(Factory, Insert(round.Id, institution.Id));

        var other = await NewInstitutionAsync(Factory);
        await ExecuteRawAsync(Factory, Insert(round.Id, other.Id)); // the control: a valid row is accepted
        Assert.AreEqual(existing, await Participations.GetAsync(existing.Id));
    }

    [TestMethod]
    public async Task Participations_of_a_round_page_in_institution_order()
    {
        var round = await NewStoredRoundAsync(Factory);
        var institutions = new List<Institution>();
        for (var i = 0; i < 5; i++)
        {
            institutions.Add(await NewInstitutionAsync(Factory));
        }
        await Participations.InviteAsync(round.Id, institutions.Select(i => i.Id).ToList(), Tester, Now);
        var ordered = institutions.Select(i => i.Id).Order(StringComparer.Ordinal).ToList();

        var page = await Participations.ListByRoundAsync(round.Id, new PageRequest(Page: 2, PageSize: 2));

        Assert.AreSequenceEqual(ordered.Skip(2).Take(2).ToList(), page.Items.Select(p => p.InstitutionId).ToList());
        Assert.AreEqual(5, page.Total);
        Assert.AreEqual(0, (await Participations.ListByRoundAsync(NewId("missing"), new PageRequest())).Total);
    }

    [TestMethod]
    public async Task A_participation_reads_with_its_institution_by_id_and_by_round_and_institution()
    {
        var round = await NewStoredRoundAsync(Factory);
        var institution = await NewInstitutionAsync(Factory, InstitutionType.Overig);
        var invited = await InvitedAsync(round, institution);

        var expected = new ParticipationRecord(invited.Id, round.Id, institution.Id, institution.Name, InstitutionType.Overig,
            ParticipationStatus.Invited, null, null, null, Now, Now, 1);
        Assert.AreEqual(expected, await Participations.GetAsync(invited.Id));
        Assert.AreEqual(expected, await Participations.FindAsync(round.Id, institution.Id));
        Assert.IsNull(await Participations.GetAsync(NewId("p_")));
        Assert.IsNull(await Participations.FindAsync(round.Id, NewId("missing")));
    }

    [TestMethod]
    public async Task Status_changes_stamp_their_times_keep_the_earlier_ones_and_build_a_history()
    {
        var round = await NewStoredRoundAsync(Factory);
        var p = await InvitedAsync(round, await NewInstitutionAsync(Factory));
        // A non-UTC offset: stored and returned as the same instant in UTC.
        var t1 = Now.AddDays(1).ToOffset(TimeSpan.FromHours(2));
        var t2 = Now.AddDays(2);
        var t3 = Now.AddDays(3);
        var t4 = Now.AddDays(4);

        var submitted = await MoveAsync(p, ParticipationStatus.Invited, ParticipationStatus.Submitted, t1);
        Assert.AreEqual(t1, submitted.Record?.SubmittedAt);
        Assert.AreEqual(TimeSpan.Zero, submitted.Record?.SubmittedAt?.Offset);
        Assert.IsNull(submitted.Record?.ReturnedAt);

        var returned = await MoveAsync(p, ParticipationStatus.Submitted, ParticipationStatus.Returned, t2);
        Assert.AreEqual(t1, returned.Record?.SubmittedAt);
        Assert.AreEqual(t2, returned.Record?.ReturnedAt);

        await MoveAsync(p, ParticipationStatus.Returned, ParticipationStatus.Submitted, t3);
        var accepted = await MoveAsync(p, ParticipationStatus.Submitted, ParticipationStatus.Accepted, t4);

        Assert.AreEqual(StatusChangeOutcome.Changed, accepted.Outcome);
        Assert.AreEqual(p with
        {
            Status = ParticipationStatus.Accepted,
            SubmittedAt = t3,
            ReturnedAt = t2,
            AcceptedAt = t4,
            UpdatedAt = t4,
            RowVersion = 5,
        }, accepted.Record);
        Assert.AreSequenceEqual(
            new[]
            {
                (ParticipationStatus.Invited, ParticipationStatus.Submitted, t1),
                (ParticipationStatus.Submitted, ParticipationStatus.Returned, t2),
                (ParticipationStatus.Returned, ParticipationStatus.Submitted, t3),
                (ParticipationStatus.Submitted, ParticipationStatus.Accepted, t4),
            },
            (await Participations.StatusHistoryAsync(p.Id)).Select(h => (h.From, h.To, h.ChangedAt)).ToList());
    }

    [TestMethod]
    public async Task A_stale_expected_status_or_an_unknown_id_changes_nothing()
    {
        var round = await NewStoredRoundAsync(Factory);
        var p = await InvitedAsync(round, await NewInstitutionAsync(Factory));
        await MoveAsync(p, ParticipationStatus.Invited, ParticipationStatus.InProgress, Now.AddHours(1));

        var stale = await MoveAsync(p, ParticipationStatus.Invited, ParticipationStatus.Submitted, Now.AddHours(2));

        Assert.AreEqual(StatusChangeOutcome.StatusMismatch, stale.Outcome);
        Assert.AreEqual(ParticipationStatus.InProgress, stale.Record?.Status);
        Assert.IsNull(stale.Record?.SubmittedAt);
        Assert.AreEqual(2, stale.Record?.RowVersion);
        Assert.HasCount(1, await Participations.StatusHistoryAsync(p.Id));

        var missing = await MoveAsync(p with { Id = NewId("p_") }, ParticipationStatus.Invited, ParticipationStatus.InProgress, Now);
        Assert.AreEqual(StatusChangeOutcome.NotFound, missing.Outcome);

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(
            () => MoveAsync(p, ParticipationStatus.InProgress, ParticipationStatus.Accepted, Now));
    }

    [TestMethod]
    public async Task Of_a_concurrent_accept_and_return_exactly_one_wins()
    {
        var round = await NewStoredRoundAsync(Factory);
        var p = await InvitedAsync(round, await NewInstitutionAsync(Factory));
        await MoveAsync(p, ParticipationStatus.Invited, ParticipationStatus.Submitted, Now);

        var results = await Task.WhenAll(
            Task.Run(() => MoveAsync(p, ParticipationStatus.Submitted, ParticipationStatus.Accepted, Now.AddHours(1))),
            Task.Run(() => MoveAsync(p, ParticipationStatus.Submitted, ParticipationStatus.Returned, Now.AddHours(1))));

        var winner = Assert.ContainsSingle(r => r.Changed, results);
        Assert.AreEqual(winner.Record, await Participations.GetAsync(p.Id));
        Assert.HasCount(2, await Participations.StatusHistoryAsync(p.Id));
    }
}

[TestClass]
public sealed class SqliteParticipationRepositoryTests : ParticipationRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresParticipationRepositoryTests : ParticipationRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerParticipationRepositoryTests : ParticipationRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
