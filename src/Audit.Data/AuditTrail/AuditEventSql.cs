namespace Audit.Data.AuditTrail;

/// <summary>The audit trail's SQL. There is deliberately no UPDATE or DELETE here (and triggers refuse them).</summary>
public sealed class AuditEventSql(ISqlDialect dialect)
{
    public const string InsertStatement =
        "INSERT INTO audit_events (occurred_at, actor_id, actor_role, action, object_type, object_id, summary) " +
        "VALUES (@OccurredAt, @ActorId, @ActorRole, @Action, @ObjectType, @ObjectId, @Summary)";

    public string Insert => InsertStatement;

    public string Select { get; } =
        "SELECT id, occurred_at AS OccurredAt, actor_id AS ActorId, actor_role AS ActorRole, action, " +
        "object_type AS ObjectType, object_id AS ObjectId, summary FROM audit_events";

    public string Count { get; } = "SELECT COUNT(*) FROM audit_events";

    /// <summary>Every filter at once: the shape <see cref="AuditEventRepository"/> narrows down.</summary>
    public string SelectFiltered =>
        "SELECT id FROM audit_events WHERE object_type = @objectType AND object_id = @objectId AND actor_id = @actorId " +
        "AND action = @action AND occurred_at >= @from AND occurred_at < @to" + Page(0, 50);

    public string Page(int offset, int limit) => " ORDER BY occurred_at DESC, id DESC " + dialect.Paging(offset, limit);
}
