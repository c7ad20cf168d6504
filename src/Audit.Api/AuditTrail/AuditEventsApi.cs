using Audit.Api.Reports;
using Audit.Application.AuditTrail;
using Audit.Application.Requests;
using Audit.Core.AuditTrail;
using Audit.Reports.Exports;

namespace Audit.Api.AuditTrail;

/// <summary>
/// <c>GET /api/v1/audit-events</c> (paged JSON) and <c>GET /api/v1/exports/audit-events.csv</c> (every matching event, as a file):
/// the append-only trail, for admins (<see cref="ReadAuditEvents"/>, <see cref="ExportAuditEvents"/>). There is no write path.
/// </summary>
public static class AuditEventsApi
{
    public static IEndpointRouteBuilder MapAuditEvents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Audit trail").RequireAuthorization(Policies.Admin);
        group.MapGet("/audit-events", QueryAsync).WithName("ListAuditEvents");
        group.MapGet("/exports/audit-events.csv", ExportAsync).WithName("ExportAuditEvents")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/csv")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithDescription($"Every event matching the filters (as on ListAuditEvents), newest first, as CSV (UTF-8 with BOM; separator ';' " +
                $"or ',' with separator=comma). At most {ExportAuditEvents.MaxEvents} events: beyond that 413, narrow the period.");
        return routes;
    }

    public sealed record AuditEventResponse(
        long Id, DateTimeOffset OccurredAt, string? ActorId, string? ActorRole, string Action, string ObjectType, string ObjectId, string? Summary);

    public sealed record AuditEventPage(IReadOnlyList<AuditEventResponse> Items, int Page, int PageSize, long Total);

    /// <summary><paramref name="action"/> is the kind of event (<c>answer.saved</c>); a participation is objectType=participation with its id.</summary>
    public static async Task<Results<Ok<AuditEventPage>, ValidationProblem, ProblemHttpResult>> QueryAsync(
        ClaimsPrincipal principal, ReadAuditEvents read, CancellationToken cancellationToken,
        string? objectType = null, string? objectId = null, string? actor = null, string? action = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int? page = null, int? pageSize = null) =>
        (await read.ExecuteAsync(principal.ToCaller(), new AuditEventQuery(objectType, objectId, actor, from, to, action), new PageInput(page, pageSize), cancellationToken))
            .ToResults(result => TypedResults.Ok(new AuditEventPage(
                result.Items.Select(e => new AuditEventResponse(e.Id, e.OccurredAt, e.ActorId, e.ActorRole, e.Action, e.ObjectType, e.ObjectId, e.Summary)).ToList(),
                result.PageNumber, result.PageSize, result.Total)));

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        ClaimsPrincipal principal, ExportAuditEvents export, CancellationToken cancellationToken,
        string? objectType = null, string? objectId = null, string? actor = null, string? action = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? separator = null)
    {
        if (!ReportExports.TryParseSeparator(separator, out var character))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["separator"] = ["separator must be 'semicolon' (;) or 'comma' (,)."] });
        }
        return (await export.ExecuteAsync(principal.ToCaller(), new AuditEventQuery(objectType, objectId, actor, from, to, action), cancellationToken))
            .ToResults(events => TypedResults.File(AuditEventCsv.ToBytes(events, character), AuditEventCsv.ContentType, FileName));
    }

    public const string FileName = "auditlog.csv";
}
