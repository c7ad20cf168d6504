using Audit.Core.AuditTrail;
using Audit.Core.Paging;
using Audit.Data.AuditTrail;
using Audit.Data.Connections;

namespace Audit.Data.Tests.AuditTrail;

/// <summary>The audit log page's filters select the same events, newest first, on every engine.</summary>
public abstract class AuditTrailQueryContract : EngineTestBase
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public async Task Action_actor_object_and_period_filters_combine_newest_first()
    {
        var trail = new AuditEventRepository(Factory);
        var objectId = "p_" + Guid.NewGuid().ToString("N");
        var actor = new Actor("u_" + Guid.NewGuid().ToString("N")[..12], "analyst");
        await trail.RecordAsync(actor.Did("answers.read", "participation", objectId, At));
        await trail.RecordAsync(actor.Did("answers.read", "participation", objectId, At.AddHours(1)));
        await trail.RecordAsync(actor.Did("findings.saved", "participation", objectId, At.AddHours(2)));
        await trail.RecordAsync(actor.Did("answers.read", "participation", objectId, At.AddDays(2)));

        var page = await trail.QueryAsync(
            new AuditEventQuery("participation", objectId, actor.Id, At, At.AddDays(1), "answers.read"), new PageRequest(1, 10));

        Assert.AreEqual(2, page.Total);
        Assert.AreSequenceEqual(new[] { At.AddHours(1), At }, page.Items.Select(e => e.OccurredAt.ToUniversalTime()));
    }
}

[TestClass]
public sealed class SqliteAuditTrailQueryTests : AuditTrailQueryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresAuditTrailQueryTests : AuditTrailQueryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerAuditTrailQueryTests : AuditTrailQueryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
