using Audit.Core.Paging;

namespace Audit.Core.AuditTrail;

/// <summary>
/// One entry of the append-only trail: who did what to which object, when, with a short
/// before/after summary. Changes are recorded in the same transaction as the change itself;
/// reads of confidential data are recorded before the data leaves the service.
/// </summary>
public sealed record AuditEvent(
    DateTimeOffset OccurredAt,
    string? ActorId,
    string? ActorRole,
    string Action,
    string ObjectType,
    string ObjectId,
    string? Summary)
{
    public long Id { get; init; }
}

/// <summary>The acting user (or the system for jobs and start-up seeds).</summary>
public sealed record Actor(string? Id, string? Role)
{
    public static Actor System { get; } = new("system", "system");

    public AuditEvent Did(string action, string objectType, string objectId, DateTimeOffset at, string? summary = null) =>
        new(at, Id, Role, action, objectType, objectId, summary);
}

/// <summary>Filter for the trail; every field optional.</summary>
public sealed record AuditEventQuery(
    string? ObjectType = null,
    string? ObjectId = null,
    string? ActorId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Action = null);

public interface IAuditEventRepository
{
    /// <summary>Records an event on its own, for reads of confidential data.</summary>
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<Page<AuditEvent>> QueryAsync(AuditEventQuery query, PageRequest page, CancellationToken cancellationToken = default);
}
