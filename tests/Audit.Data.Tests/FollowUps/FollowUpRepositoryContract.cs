using Audit.Core.FollowUps;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Core.ValidatedScores;
using Audit.Data.Connections;
using Audit.Data.FollowUps;
using Audit.Data.Reviews;
using Audit.Data.SectorViews;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.FollowUps;

/// <summary>
/// Follow-ups go through the answers' edit gate (frozen at submission) and are versioned; validated scores are
/// recorded only under review or after acceptance, and a change after acceptance marks the sector dirty.
/// </summary>
public abstract class FollowUpRepositoryContract : EngineTestBase
{
    private FollowUpRepository FollowUps => new(Factory);

    private ValidatedScoreRepository Scores => new(Factory);

    [TestMethod]
    public async Task A_follow_up_is_versioned_moves_the_participation_in_progress_and_freezes_at_submission()
    {
        var p = await InvitedAsync(Factory);

        var first = await FollowUps.SaveAsync(p.Id, new FollowUpWrite("governance", FollowUpStatus.InProgress, "Loopt", null), Respondent, Now);
        var again = await FollowUps.SaveAsync(p.Id, new FollowUpWrite("governance", FollowUpStatus.Implemented, null, null), Colleague, Now);
        var second = await FollowUps.SaveAsync(p.Id, new FollowUpWrite("governance", FollowUpStatus.NotApplicable, "Vervallen", 1), Colleague, Now.AddHours(1));
        var stale = await FollowUps.SaveAsync(p.Id, new FollowUpWrite("governance", FollowUpStatus.NotStarted, null, 1), Respondent, Now);

        Assert.AreEqual(new FollowUpRecord(p.Id, "governance", FollowUpStatus.InProgress, "Loopt", 1, Respondent.Id!, Now), first.FollowUp);
        Assert.AreEqual(FollowUpSaveOutcome.VersionMismatch, again.Outcome, "without a version only the first write inserts");
        Assert.AreEqual(new FollowUpRecord(p.Id, "governance", FollowUpStatus.NotApplicable, "Vervallen", 2, Colleague.Id!, Now.AddHours(1)), second.FollowUp);
        Assert.AreEqual(FollowUpSaveOutcome.VersionMismatch, stale.Outcome);
        Assert.AreEqual(second.FollowUp, stale.FollowUp);
        Assert.AreEqual(ParticipationStatus.InProgress, await StatusAsync(Factory, p.Id));
        Assert.AreEqual(2, await AuditEventsAsync(Factory, p.Id, "follow-up.saved"));

        var round = await new Audit.Data.Rounds.RoundRepository(Factory).GetAsync(p.RoundId);
        Assert.HasCount(1, await FollowUps.ListForRoundAsync(round!.Round.Id));
        await SaveAllAsync(Factory, p.Id, Write("governance.bestuurder", "true"));
        await SubmitAsync(Factory, p.Id, ParticipationStatus.InProgress);
        var frozen = await FollowUps.SaveAsync(p.Id, new FollowUpWrite("risicoanalyse", FollowUpStatus.Implemented, null, null), Respondent, Now);
        Assert.AreEqual(FollowUpSaveOutcome.NotEditable, frozen.Outcome);
        Assert.HasCount(1, await FollowUps.ListAsync(p.Id));
        Assert.AreEqual(FollowUpSaveOutcome.NotFound, (await FollowUps.SaveAsync(NewId("p_"), new FollowUpWrite("x", FollowUpStatus.Implemented, null, null), Respondent, Now)).Outcome);
    }

    [TestMethod]
    public async Task A_validated_score_needs_a_review_or_acceptance_and_after_acceptance_marks_the_sector_dirty()
    {
        var p = await InvitedAsync(Factory);
        var write = new ValidatedScoreWrite("governance", 3.5m, "Onderbouwd", null);

        Assert.AreEqual(ValidatedScoreSaveOutcome.NotAllowed, (await Scores.SaveAsync(p.Id, write, Analyst, Now)).Outcome);
        await SaveAllAsync(Factory, p.Id, Write("governance.bestuurder", "true"));
        await SubmitAsync(Factory, p.Id, ParticipationStatus.InProgress);
        var first = await Scores.SaveAsync(p.Id, write, Analyst, Now);
        Assert.AreEqual(new ValidatedScoreRecord(p.Id, "governance", 3.5m, "Onderbouwd", 1, Analyst.Id!, Now), first.Score);
        Assert.IsEmpty(await new SectorDirtyRepository(Factory).ListAsync(), "not accepted yet: nothing to recompute");

        var reviewed = await new ReviewRepository(Factory).ReviewAsync(p.Id, ReviewOutcome.Accept, [], null, Analyst, Now);
        Assert.AreEqual(ReviewSaveOutcome.Reviewed, reviewed.Outcome);
        var dirty = new SectorDirtyRepository(Factory);
        foreach (var mark in await dirty.ListAsync())
        {
            await dirty.ClearIfUnchangedAsync(mark.RoundId, mark.InstitutionType, mark.Seq);
        }
        var stale = await Scores.SaveAsync(p.Id, write with { ExpectedVersion = 5 }, Analyst, Now);
        var second = await Scores.SaveAsync(p.Id, write with { Score = 0m, ExpectedVersion = 1 }, Analyst, Now.AddHours(1));

        Assert.AreEqual(ValidatedScoreSaveOutcome.VersionMismatch, stale.Outcome);
        Assert.AreEqual(first.Score, stale.Score);
        Assert.AreEqual(0m, second.Score?.Score);
        Assert.AreEqual(2, second.Score?.Version);
        Assert.HasCount(1, await dirty.ListAsync());
        Assert.AreEqual(2, await AuditEventsAsync(Factory, p.Id, "validated-score.saved"));
        Assert.AreEqual(0m, (await Scores.ListForRoundAsync(p.RoundId)).Single().Score);
    }
}

[TestClass]
public sealed class SqliteFollowUpRepositoryTests : FollowUpRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresFollowUpRepositoryTests : FollowUpRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerFollowUpRepositoryTests : FollowUpRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
