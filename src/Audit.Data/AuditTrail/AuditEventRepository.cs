using Audit.Core.Paging;
using Audit.Data.Paging;

namespace Audit.Data.AuditTrail;

public sealed class AuditEventRepository(IDbConnectionFactory factory) : IAuditEventRepository
{
    private readonly AuditEventSql _sql = new(factory.Dialect);

    /// <summary>Writes events inside the caller's transaction, so a rolled-back change leaves no trace.</summary>
    public static Task WriteAsync(DbConnection connection, DbTransaction transaction, AuditEvent auditEvent, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(AuditEventSql.InsertStatement, auditEvent, transaction, cancellationToken: cancellationToken));

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(_sql.Insert, auditEvent, cancellationToken: cancellationToken));
    }

    public Task<Page<AuditEvent>> QueryAsync(AuditEventQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var filter = new SqlFilter();
        if (query.ObjectType is not null) filter.Add("object_type = @objectType", "objectType", query.ObjectType);
        if (query.ObjectId is not null) filter.Add("object_id = @objectId", "objectId", query.ObjectId);
        if (query.ActorId is not null) filter.Add("actor_id = @actorId", "actorId", query.ActorId);
        if (query.Action is not null) filter.Add("action = @action", "action", query.Action);
        if (query.From is { } from) filter.Add("occurred_at >= @from", "from", from);
        if (query.To is { } to) filter.Add("occurred_at < @to", "to", to);
        return PagedQuery.ReadAsync<AuditEventRow, AuditEvent>(factory, _sql.Count + filter.Where, _sql.Select + filter.Where + _sql.Page(page.Offset, page.Limit),
            filter.Parameters, page, r => r.ToEvent(), cancellationToken);
    }

    private sealed class AuditEventRow
    {
        public long Id { get; set; }
        public DateTimeOffset OccurredAt { get; set; }
        public string? ActorId { get; set; }
        public string? ActorRole { get; set; }
        public string Action { get; set; } = "";
        public string ObjectType { get; set; } = "";
        public string ObjectId { get; set; } = "";
        public string? Summary { get; set; }

        public AuditEvent ToEvent() => new(OccurredAt, ActorId, ActorRole, Action, ObjectType, ObjectId, Summary) { Id = Id };
    }
}
