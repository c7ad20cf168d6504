using Audit.Api.Answers;
using Audit.Application.CycleFindings;
using Audit.Application.SectorFindings;
using Audit.Core.CycleFindings;

namespace Audit.Api.CycleFindings;

/// <summary>
/// The bureau's summary of an audit cycle (Markdown), which opens the national report to parliament: ETag out, If-Match
/// in, and the four-eyes approval, exactly as for sector findings. The ministry may call these routes but is told there
/// is nothing (404): it reads the approved summary only in the report. The rules live in <see cref="ReadCycleFindings"/>,
/// <see cref="SaveCycleFindings"/> and <see cref="ApproveCycleFindings"/>.
/// </summary>
public static class CycleFindingsApi
{
    public sealed record CycleFindingsRequest(string? Summary);

    /// <param name="Status">draft (never approved), approved (this version), or changed (an earlier version was approved).</param>
    public sealed record CycleFindingsResponse(
        string Cycle, string Summary, int Version, string UpdatedBy, DateTimeOffset UpdatedAt, string Status, int? ApprovedVersion, string? ApprovedBy,
        DateTimeOffset? ApprovedAt)
    {
        public static CycleFindingsResponse From(CycleFindingsRecord f) =>
            new(f.Cycle, f.Summary, f.Version, f.UpdatedBy, f.UpdatedAt, FourEyes.StatusOf(f), f.ApprovedVersion, f.ApprovedBy, f.ApprovedAt);
    }

    public static IEndpointRouteBuilder MapCycleFindings(this IEndpointRouteBuilder routes)
    {
        // The ministry passes the role check so that the use case can answer 404, as for any bureau-only data.
        var group = routes.MapGroup("/api/v1/cycles/{cycle}").WithTags("Cycle findings")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Ministry));
        group.MapGet("/findings", GetAsync).WithName("GetCycleFindings")
            .WithDescription("The bureau's summary of an audit cycle, draft or approved, with the ETag of the version.");
        group.MapPut("/findings", PutAsync).WithName("SaveCycleFindings")
            .WithDescription("Writes the summary (Markdown, raw HTML is not rendered). If-Match is required once it exists; every change withdraws the approval.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        group.MapPost("/findings/approvals", ApproveAsync).WithName("ApproveCycleFindings")
            .WithDescription("A second analyst approves the version named in If-Match (required); the author of that version may not (403).")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return routes;
    }

    public static async Task<Results<Ok<CycleFindingsResponse>, ProblemHttpResult>> GetAsync(
        string cycle, HttpContext http, ClaimsPrincipal principal, ReadCycleFindings read, CancellationToken cancellationToken)
    {
        var outcome = await read.ExecuteAsync(principal.ToCaller(), cycle, cancellationToken);
        VersionTags.Set(http.Response, outcome, findings => findings.Version);
        return outcome.ToResult(findings => TypedResults.Ok(CycleFindingsResponse.From(findings)));
    }

    public static async Task<Results<Ok<CycleFindingsResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string cycle, CycleFindingsRequest request, HttpContext http, ClaimsPrincipal principal, SaveCycleFindings save, CancellationToken cancellationToken)
    {
        var outcome = await save.ExecuteAsync(principal.ToCaller(), cycle, request.Summary, VersionTags.ReadIfMatch(http.Request), cancellationToken);
        VersionTags.Set(http.Response, outcome, findings => findings.Version);
        return outcome.ToResults(findings => TypedResults.Ok(CycleFindingsResponse.From(findings)), Present);
    }

    public static async Task<Results<Ok<CycleFindingsResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        string cycle, HttpContext http, ClaimsPrincipal principal, ApproveCycleFindings approve, CancellationToken cancellationToken)
    {
        var outcome = await approve.ExecuteAsync(principal.ToCaller(), cycle, VersionTags.ReadIfMatch(http.Request), cancellationToken);
        VersionTags.Set(http.Response, outcome, findings => findings.Version);
        return outcome.ToResults(findings => TypedResults.Ok(CycleFindingsResponse.From(findings)), Present);
    }

    private static object? Present(object? current) => current is CycleFindingsRecord findings ? CycleFindingsResponse.From(findings) : current;
}
