using Audit.Core.Reviews;
using Audit.Data.Connections;
using Audit.Data.Reviews;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Reviews;

/// <summary>The bureau's findings: versioned like answers, but an unconditional write simply wins.</summary>
public abstract class FindingsRepositoryContract : EngineTestBase
{
    private FindingsRepository Findings => new(Factory);

    [TestMethod]
    public async Task Findings_are_versioned_and_a_stale_version_gets_the_current_findings()
    {
        var p = await InvitedAsync(Factory);
        Assert.IsNull(await Findings.GetAsync(p.Id));

        var first = await Findings.PutAsync(p.Id, """{"themes":[]}""", "Kort", null, Analyst, Now);
        var second = await Findings.PutAsync(p.Id, """{"themes":[{"themeKey":"governance"}]}""", null, 1, Colleague, Now.AddHours(1));
        var stale = await Findings.PutAsync(p.Id, """{"themes":[]}""", "oud", 1, Analyst, Now.AddHours(2));

        Assert.AreEqual(new FindingsRecord(p.Id, """{"themes":[]}""", "Kort", 1, Analyst.Id!, Now), first.Findings);
        Assert.AreEqual(FindingsSaveOutcome.Saved, second.Outcome);
        Assert.AreEqual(new FindingsRecord(p.Id, """{"themes":[{"themeKey":"governance"}]}""", null, 2, Colleague.Id!, Now.AddHours(1)), second.Findings);
        Assert.AreEqual(FindingsSaveOutcome.VersionMismatch, stale.Outcome);
        Assert.AreEqual(second.Findings, stale.Findings);
        Assert.AreEqual(second.Findings, await Findings.GetAsync(p.Id));
        Assert.AreEqual(2, await AuditEventsAsync(Factory, p.Id, "findings.saved"));
    }

    [TestMethod]
    public async Task An_unconditional_write_wins_and_an_expected_version_of_nothing_is_a_mismatch()
    {
        var p = await InvitedAsync(Factory);

        var expectingSome = await Findings.PutAsync(p.Id, "{}", null, 1, Analyst, Now);
        await Findings.PutAsync(p.Id, "{}", null, null, Analyst, Now);
        var overwrite = await Findings.PutAsync(p.Id, """{"a":1}""", "s", null, Colleague, Now);
        var missing = await Findings.PutAsync(NewId("p_"), "{}", null, null, Analyst, Now);

        Assert.AreEqual(FindingsSaveOutcome.VersionMismatch, expectingSome.Outcome);
        Assert.IsNull(expectingSome.Findings);
        Assert.AreEqual(2, overwrite.Findings?.Version);
        Assert.AreEqual(FindingsSaveOutcome.NotFound, missing.Outcome);
    }
}

[TestClass]
public sealed class SqliteFindingsRepositoryTests : FindingsRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresFindingsRepositoryTests : FindingsRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerFindingsRepositoryTests : FindingsRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
