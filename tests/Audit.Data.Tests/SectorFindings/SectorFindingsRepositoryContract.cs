using Audit.Core.SectorFindings;
using Audit.Data.Connections;
using Audit.Data.SectorFindings;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.SectorFindings;

/// <summary>Sector findings: versioned, approved one version at a time, and a change withdraws the approval.</summary>
public abstract class SectorFindingsRepositoryContract : EngineTestBase
{
    private SectorFindingsRepository Findings => new(Factory);

    [TestMethod]
    public async Task Findings_are_versioned_and_a_stale_version_gets_the_current_findings()
    {
        var round = await NewStoredRoundAsync(Factory);
        Assert.IsNull(await Findings.GetAsync(round.Id, "university"));

        var first = await Findings.PutAsync(round.Id, "university", "[]", "Kort", null, Analyst, Now);
        var second = await Findings.PutAsync(round.Id, "university", """[{"themeKey":"governance"}]""", "Langer", 1, Colleague, Now.AddHours(1));
        var stale = await Findings.PutAsync(round.Id, "university", "[]", "oud", 1, Analyst, Now.AddHours(2));
        await Findings.PutAsync(round.Id, "hbo", "[]", "Hbo", null, Analyst, Now);

        Assert.AreEqual(new SectorFindingsRecord(round.Id, "university", "[]", "Kort", 1, Analyst.Id!, Now), first.Findings);
        Assert.AreEqual(new SectorFindingsRecord(round.Id, "university", """[{"themeKey":"governance"}]""", "Langer", 2, Colleague.Id!, Now.AddHours(1)),
            second.Findings);
        Assert.AreEqual(SectorFindingsWriteOutcome.VersionMismatch, stale.Outcome);
        Assert.AreEqual(second.Findings, stale.Findings);
        Assert.AreSequenceEqual(new[] { "hbo", "university" }, (await Findings.ListAsync(round.Id)).Select(f => f.InstitutionType).ToArray());
        Assert.AreEqual(2, await AuditEventsAsync(Factory, $"{round.Id}/university", SectorFindingsRepository.SavedAction));
    }

    [TestMethod]
    public async Task An_approval_holds_for_its_version_and_a_change_withdraws_it()
    {
        var round = await NewStoredRoundAsync(Factory);
        await Findings.PutAsync(round.Id, "university", "[]", "Tekst", null, Analyst, Now);

        var approved = await Findings.ApproveAsync(round.Id, "university", 1, Colleague, Now.AddHours(1));
        Assert.AreEqual(SectorFindingsWriteOutcome.Done, approved.Outcome);
        Assert.IsTrue(approved.Findings!.IsApproved);
        Assert.AreEqual(Colleague.Id, approved.Findings.ApprovedBy);
        Assert.AreEqual(Now.AddHours(1), approved.Findings.ApprovedAt);

        var changed = await Findings.PutAsync(round.Id, "university", "[]", "Anders", 1, Analyst, Now.AddHours(2));
        Assert.IsFalse(changed.Findings!.IsApproved);
        Assert.AreEqual(1, changed.Findings.ApprovedVersion, "the earlier approval stays on record, no longer holding");

        var old = await Findings.ApproveAsync(round.Id, "university", 1, Colleague, Now.AddHours(3));
        Assert.AreEqual(SectorFindingsWriteOutcome.VersionMismatch, old.Outcome);
        Assert.IsFalse((await Findings.GetAsync(round.Id, "university"))!.IsApproved);
        Assert.AreEqual(1, await AuditEventsAsync(Factory, $"{round.Id}/university", SectorFindingsRepository.ApprovedAction));
    }

    [TestMethod]
    public async Task Nothing_is_written_for_a_missing_round_or_missing_findings()
    {
        var round = await NewStoredRoundAsync(Factory);

        var missingRound = await Findings.PutAsync(NewId("r_"), "university", "[]", "x", null, Analyst, Now);
        var expectingSome = await Findings.PutAsync(round.Id, "university", "[]", "x", 1, Analyst, Now);
        var approveNothing = await Findings.ApproveAsync(round.Id, "university", 1, Colleague, Now);

        Assert.AreEqual(SectorFindingsWriteOutcome.NotFound, missingRound.Outcome);
        Assert.AreEqual(SectorFindingsWriteOutcome.VersionMismatch, expectingSome.Outcome);
        Assert.AreEqual(SectorFindingsWriteOutcome.NotFound, approveNothing.Outcome);
        Assert.IsEmpty(await Findings.ListAsync(round.Id));
    }
}

[TestClass]
public sealed class SqliteSectorFindingsRepositoryTests : SectorFindingsRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresSectorFindingsRepositoryTests : SectorFindingsRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
