using Audit.Core.Paging;

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

    public async Task<Page<AuditEvent>> QueryAsync(AuditEventQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            parameters.Add(name, value);
        }
        if (query.ObjectType is not null) Add("object_type = @objectType", "objectType", query.ObjectType);
        if (query.ObjectId is not null) Add("object_id = @objectId", "objectId", query.ObjectId);
        if (query.ActorId is not null) Add("actor_id = @actorId", "actorId", query.ActorId);
        if (query.From is { } from) Add("occurred_at >= @from", "from", from);
        if (query.To is { } to) Add("occurred_at < @to", "to", to);
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);

        await using var connection = await factory.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(_sql.Count + where, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<AuditEventRow>(
            new CommandDefinition(_sql.Select + where + _sql.Page(page.Offset, page.Limit), parameters, cancellationToken: cancellationToken));
        return new Page<AuditEvent>(rows.Select(r => r.ToEvent()).ToList(), Math.Max(1, page.Page), page.Limit, total);
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
