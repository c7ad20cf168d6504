using Audit.Api.Access;
using Audit.Api.Problems;
using Audit.Core.AuditTrail;
using Audit.Core.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.AuditTrail;

/// <summary><c>GET /api/v1/audit-events</c>: the append-only trail, for admins. There is no write path.</summary>
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

    public static async Task<Results<Ok<AuditEventPage>, ValidationProblem>> QueryAsync(
        IAuditEventRepository trail, CancellationToken cancellationToken,
        string? objectType = null, string? objectId = null, string? actor = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int? page = null, int? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        ApiProblems.CheckPaging(page, pageSize, errors);
        if (from is not null && to is not null && from >= to)
        {
            errors["to"] = ["to must be after from."];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var result = await trail.QueryAsync(new AuditEventQuery(objectType, objectId, actor, from, to),
            new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultPageSize), cancellationToken);
        return TypedResults.Ok(new AuditEventPage(
            result.Items.Select(e => new AuditEventResponse(e.Id, e.OccurredAt, e.ActorId, e.ActorRole, e.Action, e.ObjectType, e.ObjectId, e.Summary)).ToList(),
            result.PageNumber, result.PageSize, result.Total));
    }
}
