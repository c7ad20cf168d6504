using Audit.Core.CycleFindings;
using Audit.Core.SectorFindings;
using Audit.Data.Connections;
using Audit.Data.CycleFindings;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.CycleFindings;

/// <summary>The cycle summary: versioned, approved one version at a time, and a change withdraws the approval.</summary>
public abstract class CycleFindingsRepositoryContract : EngineTestBase
{
    private CycleFindingsRepository Findings => new(Factory);

    [TestMethod]
    public async Task The_summary_is_versioned_approved_per_version_and_a_change_withdraws_the_approval()
    {
        var cycle = NewId("c-");
        Assert.IsNull(await Findings.GetAsync(cycle));

        var first = await Findings.PutAsync(cycle, "Kort", null, Analyst, Now);
        var stale = await Findings.PutAsync(cycle, "oud", 0, Analyst, Now);
        var approved = await Findings.ApproveAsync(cycle, 1, Colleague, Now.AddHours(1));
        var changed = await Findings.PutAsync(cycle, "Langer", 1, Analyst, Now.AddHours(2));
        var late = await Findings.ApproveAsync(cycle, 1, Colleague, Now.AddHours(3));

        Assert.AreEqual(new CycleFindingsRecord(cycle, "Kort", 1, Analyst.Id!, Now), first.Findings);
        Assert.AreEqual(SectorFindingsWriteOutcome.VersionMismatch, stale.Outcome);
        Assert.IsTrue(approved.Findings!.IsApproved);
        Assert.AreEqual(Colleague.Id, approved.Findings.ApprovedBy);
        Assert.AreEqual(new CycleFindingsRecord(cycle, "Langer", 2, Analyst.Id!, Now.AddHours(2), 1, Colleague.Id, Now.AddHours(1)), changed.Findings);
        Assert.IsFalse(changed.Findings!.IsApproved, "a change withdraws the approval; the old one stays on record");
        Assert.AreEqual(SectorFindingsWriteOutcome.VersionMismatch, late.Outcome);
        Assert.AreEqual(2, await AuditEventsAsync(Factory, cycle, CycleFindingsRepository.SavedAction));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, cycle, CycleFindingsRepository.ApprovedAction));
    }

    [TestMethod]
    public async Task Approving_a_summary_that_does_not_exist_writes_nothing()
    {
        var cycle = NewId("c-");

        var approved = await Findings.ApproveAsync(cycle, 1, Colleague, Now);

        Assert.AreEqual(SectorFindingsWriteOutcome.NotFound, approved.Outcome);
        Assert.IsNull(await Findings.GetAsync(cycle));
        Assert.AreEqual(0, await AuditEventsAsync(Factory, cycle, CycleFindingsRepository.ApprovedAction));
    }
}

[TestClass]
public sealed class SqliteCycleFindingsRepositoryTests : CycleFindingsRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresCycleFindingsRepositoryTests : CycleFindingsRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
