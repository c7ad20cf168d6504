using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Data.Connections;
using Audit.Data.Reviews;
using Audit.Data.SectorViews;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.SectorViews;

/// <summary>Dirty marks: a job clears only the mark it computed for, never a newer one.</summary>
public abstract class SectorDirtyRepositoryContract : EngineTestBase
{
    private SectorDirtyRepository Marks => new(Factory);

    [TestMethod]
    public async Task A_mark_is_cleared_only_while_its_seq_is_unchanged()
    {
        var round = await OpenRoundAsync(Factory);
        var first = (await Marks.MarkAsync(round.Id, [InstitutionType.Umc], Tester, Now)).Single();
        var bumped = (await Marks.MarkAsync(round.Id, [InstitutionType.Umc], Tester, Now.AddMinutes(1))).Single();

        Assert.IsGreaterThan(first.Seq, bumped.Seq);
        Assert.IsFalse(await Marks.ClearIfUnchangedAsync(round.Id, InstitutionType.Umc, first.Seq), "a newer mark arrived");
        Assert.IsFalse(await Marks.ClearIfUnchangedAsync(round.Id, InstitutionType.Hogeschool, bumped.Seq), "no such mark");
        Assert.IsTrue(await Marks.ClearIfUnchangedAsync(round.Id, InstitutionType.Umc, bumped.Seq));
        Assert.IsEmpty(await OfRoundAsync(round.Id));

        var renewed = (await Marks.MarkAsync(round.Id, [InstitutionType.Umc], Tester, Now)).Single();
        Assert.IsGreaterThan(bumped.Seq, renewed.Seq, "a new mark after a clear never repeats an old seq");
        Assert.IsFalse(await Marks.ClearIfUnchangedAsync(round.Id, InstitutionType.Umc, bumped.Seq));
    }

    [TestMethod]
    public async Task Marking_several_sectors_lists_them_and_is_audited_on_the_round()
    {
        var round = await OpenRoundAsync(Factory);

        var marked = await Marks.MarkAsync(round.Id, [InstitutionType.Umc, InstitutionType.Hogeschool, InstitutionType.Umc], Tester, Now);

        Assert.AreSequenceEqual(new[] { InstitutionType.Hogeschool, InstitutionType.Umc }, marked.Select(m => m.InstitutionType).ToList());
        Assert.AreSequenceEqual(marked.ToList(), (await OfRoundAsync(round.Id)).OrderBy(m => m.InstitutionType.ToWireName(), StringComparer.Ordinal).ToList());
        Assert.IsTrue(marked.All(m => m.MarkedAt == Now));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, round.Id, "sector_views.marked_dirty"));
        await Assert.ThrowsExactlyAsync<ArgumentException>(() => Marks.MarkAsync(NewId("r"), [InstitutionType.Umc], Tester, Now));
    }

    [TestMethod]
    public async Task Concurrent_accepts_in_one_sector_leave_one_mark_newer_than_each()
    {
        var round = await OpenRoundAsync(Factory);
        var submitted = new List<ParticipationRecord>();
        for (var i = 0; i < 6; i++)
        {
            var p = await InvitedAsync(Factory, round, InstitutionType.NwoInstituut);
            await SaveAllAsync(Factory, p.Id, Write("a", "1"));
            await SubmitAsync(Factory, p.Id, ParticipationStatus.InProgress);
            submitted.Add(p);
        }

        var reviews = await Task.WhenAll(submitted.Select(p =>
            Task.Run(() => new ReviewRepository(Factory).ReviewAsync(p.Id, ReviewOutcome.Accept, [], null, Analyst, Now))));

        Assert.IsTrue(reviews.All(r => r.Outcome == Core.Reviews.ReviewSaveOutcome.Reviewed));
        var mark = (await OfRoundAsync(round.Id)).Single();
        Assert.AreEqual(InstitutionType.NwoInstituut, mark.InstitutionType);
    }

    private async Task<IReadOnlyList<SectorDirtyMark>> OfRoundAsync(string roundId) =>
        (await Marks.ListAsync()).Where(m => m.RoundId == roundId).ToList();
}

[TestClass]
public sealed class SqliteSectorDirtyRepositoryTests : SectorDirtyRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresSectorDirtyRepositoryTests : SectorDirtyRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerSectorDirtyRepositoryTests : SectorDirtyRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
