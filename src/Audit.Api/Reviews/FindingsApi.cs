using Audit.Api.Answers;
using Audit.Application.Findings;
using Audit.Core.Reviews;

namespace Audit.Api.Reviews;

/// <summary>
/// The bureau's findings and recommendations per theme, for the feedback report, over HTTP: ETag out, If-Match in,
/// 412/428 carrying the findings as they now are. The rules (versioning, who reads them when) live in
/// <see cref="ReadFindings"/> and <see cref="SaveFindings"/>.
/// </summary>
public static class FindingsApi
{
    public sealed record ThemeFinding(string? ThemeKey, string? Finding, string? Recommendation)
    {
        public static ThemeFinding From(FindingsTheme t) => new(t.ThemeKey, t.Finding, t.Recommendation);
    }

    /// <summary>A null theme is invalid, so the document does not offer one; JSON may still send it, and it is refused as such.</summary>
    public sealed record FindingsRequest(IReadOnlyList<ThemeFinding>? Themes, string? Summary);

    public sealed record FindingsResponse(
        string ParticipationId, IReadOnlyList<ThemeFinding> Themes, string? Summary, int Version, string UpdatedBy, DateTimeOffset UpdatedAt)
    {
        public static FindingsResponse From(FindingsRecord f) =>
            new(f.ParticipationId, ReviewTexts.ThemesOf(f).Select(ThemeFinding.From).ToList(), f.Summary, f.Version, f.UpdatedBy, f.UpdatedAt);
    }

    public static IEndpointRouteBuilder MapFindings(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Reviews").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Respondent))
            .MapGet("/participations/{participationId}/findings", GetAsync).WithName("GetFindings");
        routes.MapGroup("/api/v1").WithTags("Reviews").RequireAuthorization(Policies.Bureau)
            .MapPut("/participations/{participationId}/findings", PutAsync).WithName("SaveFindings")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return routes;
    }

    public static async Task<Results<Ok<FindingsResponse>, ProblemHttpResult>> GetAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, ReadFindings read, CancellationToken cancellationToken)
    {
        var outcome = await read.ExecuteAsync(principal.ToCaller(), participationId, cancellationToken);
        VersionTags.Set(http.Response, outcome, findings => findings.Version);
        return outcome.ToResult(findings => TypedResults.Ok(FindingsResponse.From(findings)));
    }

    public static async Task<Results<Ok<FindingsResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string participationId, FindingsRequest request, HttpContext http, ClaimsPrincipal principal, SaveFindings save, CancellationToken cancellationToken)
    {
        var themes = request.Themes?.Select(t => t is null ? null : new FindingsTheme(t.ThemeKey, t.Finding, t.Recommendation)).ToList<FindingsTheme?>();
        var outcome = await save.ExecuteAsync(principal.ToCaller(), participationId, new FindingsInput(themes, request.Summary),
            VersionTags.ReadIfMatch(http.Request), cancellationToken);
        VersionTags.Set(http.Response, outcome, findings => findings.Version);
        return outcome.ToResults(findings => TypedResults.Ok(FindingsResponse.From(findings)),
            current => current is FindingsRecord findings ? FindingsResponse.From(findings) : current);
    }
}
