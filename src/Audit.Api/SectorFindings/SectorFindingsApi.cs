using Audit.Api.Answers;
using Audit.Application.SectorFindings;
using Audit.Core.SectorFindings;

namespace Audit.Api.SectorFindings;

/// <summary>
/// The bureau's findings on one institution type in one round (summary; per theme findings, conclusions and
/// recommendations, Markdown), over HTTP: ETag out, If-Match in, 412/428 carrying the findings as they now are, and
/// the four-eyes approval. The ministry may call these routes but is told there is nothing (404): drafts never reach
/// it. The rules live in <see cref="ReadSectorFindings"/>, <see cref="SaveSectorFindings"/> and
/// <see cref="ApproveSectorFindings"/>.
/// </summary>
public static class SectorFindingsApi
{
    public sealed record ThemeFindings(string? ThemeKey, string? Findings, string? Conclusions, string? Recommendations, string? Illustrations)
    {
        public static ThemeFindings From(SectorFindingsTheme t) => new(t.ThemeKey, t.Findings, t.Conclusions, t.Recommendations, t.Illustrations);
    }

    /// <summary>A null theme is invalid; JSON may still send it, and it is refused as such.</summary>
    public sealed record SectorFindingsRequest(string? Summary, IReadOnlyList<ThemeFindings>? Themes);

    /// <param name="Status">draft (never approved), approved (this version), or changed (an earlier version was approved).</param>
    public sealed record SectorFindingsResponse(
        string RoundId, string InstitutionType, string Summary, IReadOnlyList<ThemeFindings> Themes, int Version, string UpdatedBy,
        DateTimeOffset UpdatedAt, string Status, int? ApprovedVersion, string? ApprovedBy, DateTimeOffset? ApprovedAt)
    {
        public static SectorFindingsResponse From(SectorFindingsRecord f) => new(
            f.RoundId, f.InstitutionType, f.Summary ?? "", [.. SectorFindingsTexts.ThemesOf(f).Select(ThemeFindings.From)], f.Version, f.UpdatedBy,
            f.UpdatedAt, StatusOf(f), f.ApprovedVersion, f.ApprovedBy, f.ApprovedAt);
    }

    public static string StatusOf(SectorFindingsRecord f) => FourEyes.StatusOf(f);

    public static IEndpointRouteBuilder MapSectorFindings(this IEndpointRouteBuilder routes)
    {
        // The ministry passes the role check so that the use case can answer 404, as for any bureau-only data.
        var group = routes.MapGroup("/api/v1").WithTags("Sector findings")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Ministry));
        group.MapGet("/rounds/{roundId}/sector-views/{institutionType}/findings", GetAsync).WithName("GetSectorFindings")
            .WithDescription("The bureau's findings on one institution type in one round, draft or approved, with the ETag of the version.");
        group.MapPut("/rounds/{roundId}/sector-views/{institutionType}/findings", PutAsync).WithName("SaveSectorFindings")
            .WithDescription("Writes the findings (Markdown, raw HTML is not rendered). If-Match is required once they exist; every change withdraws the approval.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        group.MapPost("/rounds/{roundId}/sector-views/{institutionType}/findings/approvals", ApproveAsync).WithName("ApproveSectorFindings")
            .WithDescription("A second analyst approves the version named in If-Match (required); the author of that version may not (403).")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return routes;
    }

    public static async Task<Results<Ok<SectorFindingsResponse>, ProblemHttpResult>> GetAsync(
        string roundId, string institutionType, HttpContext http, ClaimsPrincipal principal, ReadSectorFindings read, CancellationToken cancellationToken)
    {
        var outcome = await read.ExecuteAsync(principal.ToCaller(), roundId, institutionType, cancellationToken);
        VersionTags.Set(http.Response, outcome, findings => findings.Version);
        return outcome.ToResult(findings => TypedResults.Ok(SectorFindingsResponse.From(findings)));
    }

    public static async Task<Results<Ok<SectorFindingsResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string roundId, string institutionType, SectorFindingsRequest request, HttpContext http, ClaimsPrincipal principal, SaveSectorFindings save,
        CancellationToken cancellationToken)
    {
        var themes = request.Themes?.Select(t => t is null ? null : new SectorFindingsTheme(t.ThemeKey, t.Findings, t.Conclusions, t.Recommendations, t.Illustrations))
            .ToList<SectorFindingsTheme?>();
        var outcome = await save.ExecuteAsync(principal.ToCaller(), roundId, institutionType, new SectorFindingsInput(request.Summary, themes),
            VersionTags.ReadIfMatch(http.Request), cancellationToken);
        VersionTags.Set(http.Response, outcome, findings => findings.Version);
        return outcome.ToResults(findings => TypedResults.Ok(SectorFindingsResponse.From(findings)), Present);
    }

    public static async Task<Results<Ok<SectorFindingsResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        string roundId, string institutionType, HttpContext http, ClaimsPrincipal principal, ApproveSectorFindings approve, CancellationToken cancellationToken)
    {
        var outcome = await approve.ExecuteAsync(principal.ToCaller(), roundId, institutionType, VersionTags.ReadIfMatch(http.Request), cancellationToken);
        VersionTags.Set(http.Response, outcome, findings => findings.Version);
        return outcome.ToResults(findings => TypedResults.Ok(SectorFindingsResponse.From(findings)), Present);
    }

    private static object? Present(object? current) => current is SectorFindingsRecord findings ? SectorFindingsResponse.From(findings) : current;
}
