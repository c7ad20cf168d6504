using Audit.Core.DeepDives;
using Audit.Data.Connections;
using Audit.Data.DeepDives;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.DeepDives;

/// <summary>The deep-dive store: versioned selections that are never overwritten blindly, and versioned records.</summary>
public abstract class DeepDiveRepositoryContract : EngineTestBase
{
    private DeepDiveRepository DeepDives => new(Factory);

    [TestMethod]
    public async Task A_selection_is_created_once_and_then_changed_only_at_its_version()
    {
        var p = await InvitedAsync(Factory);
        Assert.IsNull(await DeepDives.GetSelectionAsync(p.RoundId, "universiteit"));

        var first = await DeepDives.PutSelectionAsync(p.RoundId, "universiteit", [p.InstitutionId], "Spreiding", null, Analyst, Now);
        var again = await DeepDives.PutSelectionAsync(p.RoundId, "universiteit", [], "Leeg", null, Analyst, Now);
        var second = await DeepDives.PutSelectionAsync(p.RoundId, "universiteit", [], "Leeg", 1, Analyst, Now.AddHours(1));
        var stale = await DeepDives.PutSelectionAsync(p.RoundId, "universiteit", [p.InstitutionId], "Oud", 1, Analyst, Now);
        var noRound = await DeepDives.PutSelectionAsync(NewId("r_"), "universiteit", [], "x", null, Analyst, Now);

        Assert.AreEqual(DeepDiveWriteOutcome.Saved, first.Outcome);
        Assert.AreSequenceEqual(new[] { p.InstitutionId }, first.Current!.InstitutionIds.ToArray());
        Assert.AreEqual(DeepDiveWriteOutcome.VersionMismatch, again.Outcome);
        Assert.AreEqual(1, again.Current?.Version);
        Assert.AreEqual(2, second.Current?.Version);
        Assert.AreEqual("Leeg", second.Current?.Rationale);
        Assert.AreEqual(DeepDiveWriteOutcome.VersionMismatch, stale.Outcome);
        Assert.AreEqual(DeepDiveWriteOutcome.NotFound, noRound.Outcome);
        Assert.AreEqual(2, (await DeepDives.GetSelectionAsync(p.RoundId, "universiteit"))?.Version);
    }

    [TestMethod]
    public async Task Records_round_trip_change_at_their_version_delete_and_count()
    {
        var p = await InvitedAsync(Factory);
        await DeepDives.PutSelectionAsync(p.RoundId, "universiteit", [p.InstitutionId], "r", null, Analyst, Now);
        var record = new DeepDiveRecord(NewId("dd_"), p.RoundId, "universiteit", p.InstitutionId, DeepDiveKind.Interview, new DateOnly(2023, 5, 2),
            ["bestuurder", "security officer"], [new DeepDiveNote("Screening bij aanstelling", ["governance", "screening"])], "Sterk", 0, "", default);

        var added = await DeepDives.AddRecordAsync(record, Analyst, Now);
        var changed = await DeepDives.ChangeRecordAsync(record with { Kind = DeepDiveKind.DocumentStudy, NotablePractices = null }, 1, Analyst, Now.AddHours(1));
        var stale = await DeepDives.ChangeRecordAsync(record, 1, Analyst, Now);
        var counts = await DeepDives.CountsAsync(p.RoundId);
        var staleDelete = await DeepDives.DeleteRecordAsync(p.RoundId, "universiteit", record.Id, 1, Analyst, Now);
        var deleted = await DeepDives.DeleteRecordAsync(p.RoundId, "universiteit", record.Id, 2, Analyst, Now);

        Assert.AreEqual(record with { Version = 1, UpdatedBy = Analyst.Id!, UpdatedAt = Now }, added.Current! with { Roles = record.Roles, Notes = record.Notes });
        Assert.AreSequenceEqual(record.Roles.ToArray(), added.Current!.Roles.ToArray());
        Assert.AreSequenceEqual(new[] { "governance", "screening" }, added.Current.Notes.Single().Themes.ToArray());
        Assert.AreEqual(DeepDiveKind.DocumentStudy, changed.Current?.Kind);
        Assert.IsNull(changed.Current?.NotablePractices);
        Assert.AreEqual(DeepDiveWriteOutcome.VersionMismatch, stale.Outcome);
        Assert.AreEqual(new DeepDiveCounts("universiteit", 1, 0, 1), counts.Single());
        Assert.AreEqual(DeepDiveWriteOutcome.VersionMismatch, staleDelete.Outcome);
        Assert.AreEqual(DeepDiveWriteOutcome.Saved, deleted.Outcome);
        Assert.IsEmpty(await DeepDives.ListRecordsAsync(p.RoundId, "universiteit", null));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, record.Id, "deep-dive.record-deleted"));
    }
}

[TestClass]
public sealed class SqliteDeepDiveRepositoryTests : DeepDiveRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresDeepDiveRepositoryTests : DeepDiveRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerDeepDiveRepositoryTests : DeepDiveRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
