using Audit.Application.AuditTrail;
using Audit.Application.Requests;
using Audit.Core.AuditTrail;

namespace Audit.Api.AuditTrail;

/// <summary><c>GET /api/v1/audit-events</c>: the append-only trail, for admins (<see cref="ReadAuditEvents"/>). There is no write path.</summary>
public static class AuditEventsApi
{
    public static IEndpointRouteBuilder MapAuditEvents(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Audit trail").RequireAuthorization(Policies.Admin)
            .MapGet("/audit-events", QueryAsync).WithName("ListAuditEvents");
        return routes;
    }

    public sealed record AuditEventResponse(
        long Id, DateTimeOffset OccurredAt, string? ActorId, string? ActorRole, string Action, string ObjectType, string ObjectId, string? Summary);

    public sealed record AuditEventPage(IReadOnlyList<AuditEventResponse> Items, int Page, int PageSize, long Total);

    public static async Task<Results<Ok<AuditEventPage>, ValidationProblem, ProblemHttpResult>> QueryAsync(
        ClaimsPrincipal principal, ReadAuditEvents read, CancellationToken cancellationToken,
        string? objectType = null, string? objectId = null, string? actor = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int? page = null, int? pageSize = null) =>
        (await read.ExecuteAsync(principal.ToCaller(), new AuditEventQuery(objectType, objectId, actor, from, to), new PageInput(page, pageSize), cancellationToken))
            .ToResults(result => TypedResults.Ok(new AuditEventPage(
                result.Items.Select(e => new AuditEventResponse(e.Id, e.OccurredAt, e.ActorId, e.ActorRole, e.Action, e.ObjectType, e.ObjectId, e.Summary)).ToList(),
                result.PageNumber, result.PageSize, result.Total)));
}
