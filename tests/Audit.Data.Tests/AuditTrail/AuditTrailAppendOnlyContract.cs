using Audit.Data.Connections;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.AuditTrail;

/// <summary>The schema itself keeps the audit trail append-only, whatever role or code runs the statement.</summary>
public abstract class AuditTrailAppendOnlyContract : EngineTestBase
{
    protected async Task<string> AppendedAsync()
    {
        var institution = await NewInstitutionAsync(Factory);
        Assert.AreEqual(1, await AuditEventsAsync(Factory, institution.Id));
        return institution.Id;
    }

    [TestMethod]
    public async Task Updating_or_deleting_an_audit_event_is_refused()
    {
        var id = await AppendedAsync();

        await AssertRefusedAsync(Factory, $"UPDATE audit_events SET summary = 'rewritten' WHERE object_id = '{id}'");
        await AssertRefusedAsync(Factory, $"DELETE FROM audit_events WHERE object_id = '{id}'");

        Assert.AreEqual(1, await AuditEventsAsync(Factory, id));
    }
}

[TestClass]
public sealed class SqliteAuditTrailAppendOnlyTests : AuditTrailAppendOnlyContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresAuditTrailAppendOnlyTests : AuditTrailAppendOnlyContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    /// <summary>TRUNCATE skips row triggers: a statement trigger (V9) refuses it, even for the schema's owner.</summary>
    [TestMethod]
    public async Task Truncating_the_audit_trail_is_refused_even_for_the_owner()
    {
        var id = await AppendedAsync();

        await AssertRefusedAsync(Factory, "TRUNCATE audit_events");

        Assert.AreEqual(1, await AuditEventsAsync(Factory, id));
    }
}

[TestClass]
public sealed class SqlServerAuditTrailAppendOnlyTests : AuditTrailAppendOnlyContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
