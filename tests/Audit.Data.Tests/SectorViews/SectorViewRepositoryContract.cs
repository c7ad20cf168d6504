using Audit.Core.SectorViews;
using Audit.Data.Connections;
using Audit.Data.SectorViews;

namespace Audit.Data.Tests.SectorViews;

/// <summary>Publishing sector views is idempotent per fingerprint and atomic on every engine.</summary>
public abstract class SectorViewRepositoryContract : EngineTestBase
{
    private SectorViewRepository Views => new(Factory);

    private static StoredSectorView View(string roundId, string type, string fingerprint, int included = 7) =>
        new(Fixtures.NewId("sv_"), roundId, type, fingerprint, Fixtures.Now, included, false,
            $$"""{"view":"internal","fingerprint":"{{fingerprint}}"}""", $$"""{"view":"published","fingerprint":"{{fingerprint}}"}""");

    [TestMethod]
    public async Task The_same_fingerprint_twice_stores_one_version_and_stays_current()
    {
        var round = await Fixtures.NewStoredRoundAsync(Factory);

        var first = await Views.PublishAsync(View(round.Id, "universiteit", "sha256:a"), Fixtures.Change("sector-view.published", "sector-view", round.Id));
        var second = await Views.PublishAsync(View(round.Id, "universiteit", "sha256:a"), Fixtures.Change("sector-view.published", "sector-view", round.Id));

        Assert.AreEqual(PublishOutcome.Published, first);
        Assert.AreEqual(PublishOutcome.Unchanged, second);
        Assert.AreEqual(1, await Views.CountVersionsAsync(round.Id, "universiteit"));
        Assert.AreEqual("sha256:a", (await Views.GetCurrentAsync(round.Id, "universiteit"))?.Fingerprint);
    }

    [TestMethod]
    public async Task A_new_fingerprint_becomes_current_and_other_sectors_are_untouched()
    {
        var round = await Fixtures.NewStoredRoundAsync(Factory);
        await Views.PublishAsync(View(round.Id, "hogeschool", "sha256:h1"), Fixtures.Change("x", "sector-view", round.Id));
        await Views.PublishAsync(View(round.Id, "universiteit", "sha256:u1"), Fixtures.Change("x", "sector-view", round.Id));

        await Views.PublishAsync(View(round.Id, "universiteit", "sha256:u2", included: 8), Fixtures.Change("x", "sector-view", round.Id));

        var current = await Views.GetCurrentAsync(round.Id, "universiteit");
        Assert.AreEqual("sha256:u2", current?.Fingerprint);
        Assert.AreEqual(8, current?.Included);
        Assert.Contains("\"published\"", current!.PublishedJson);
        Assert.AreEqual(2, await Views.CountVersionsAsync(round.Id, "universiteit"));
        Assert.AreEqual(1, await Views.CountVersionsAsync(round.Id, "hogeschool"));
        var list = await Views.ListCurrentAsync(round.Id);
        Assert.AreSequenceEqual(new[] { "hogeschool", "universiteit" }, list.Select(v => v.InstitutionType).ToArray());
    }

    [TestMethod]
    public async Task Concurrent_publishers_of_the_same_inputs_leave_one_current_version()
    {
        var round = await Fixtures.NewStoredRoundAsync(Factory);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Views.PublishAsync(View(round.Id, "umc", "sha256:same"), Fixtures.Change("x", "sector-view", round.Id)))));

        Assert.ContainsSingle(o => o == PublishOutcome.Published, outcomes);
        Assert.AreEqual(1, await Views.CountVersionsAsync(round.Id, "umc"));
        Assert.AreEqual("sha256:same", (await Views.GetCurrentAsync(round.Id, "umc"))?.Fingerprint);
    }
}

[TestClass]
public sealed class SqliteSectorViewRepositoryTests : SectorViewRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresSectorViewRepositoryTests : SectorViewRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerSectorViewRepositoryTests : SectorViewRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
