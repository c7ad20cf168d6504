using Audit.Application.SectorViews;
using Audit.Core.Institutions;
using Audit.Core.SectorViews;

namespace Audit.Api.SectorViews;

/// <summary>
/// Sector views. The bureau sees the internal view (every value, with suppression flags) at any time; the
/// ministry sees the published view once the round is published; a respondent sees the published view of
/// its own institution type once the round is published. Anything else is a 404. The rules live in
/// <see cref="ReadSectorViews"/> and <see cref="RecomputeSectorViews"/>.
/// </summary>
public static class SectorViewsApi
{
    public static IEndpointRouteBuilder MapSectorViews(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup("/api/v1").WithTags("Sector views").RequireAuthorization(Policies.SignedIn);
        read.MapGet("/rounds/{roundId}/sector-views", ListAsync).WithName("ListSectorViews");
        read.MapGet("/rounds/{roundId}/sector-views/{institutionType}", GetAsync).WithName("GetSectorView")
            .Produces<SectorView>(StatusCodes.Status200OK, "application/json");

        routes.MapGroup("/api/v1").WithTags("Sector views").RequireAuthorization(Policies.Admin)
            .MapPost("/rounds/{roundId}/sector-views/recompute", RecomputeAsync).WithName("RecomputeSectorViews");
        return routes;
    }

    public sealed record SectorViewSummaryResponse(string InstitutionType, int? Included, bool Suppressed, DateTimeOffset ComputedAt, string Fingerprint);

    public sealed record SectorViewList(IReadOnlyList<SectorViewSummaryResponse> Items);

    public sealed record RecomputeResponse(IReadOnlyList<string> InstitutionTypes);

    public static async Task<Results<Ok<SectorViewList>, ProblemHttpResult>> ListAsync(
        string roundId, ClaimsPrincipal principal, ReadSectorViews read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), roundId, cancellationToken)).ToResult(list => TypedResults.Ok(new SectorViewList(
            [.. list.Items.Select(v => new SectorViewSummaryResponse(v.InstitutionType, list.IncludedFor(v), v.Suppressed, v.ComputedAt, v.Fingerprint))])));

    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        string roundId, string institutionType, ClaimsPrincipal principal, ReadSectorViews read, CancellationToken cancellationToken, string? view = null)
    {
        if (view is not null and not (SectorViewKinds.Published or SectorViewKinds.Internal))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["view"] = ["view must be 'internal' or 'published'."] });
        }
        return (await read.GetAsync(principal.ToCaller(), roundId, institutionType, published: view == SectorViewKinds.Published, cancellationToken))
            .ToResults(found => TypedResults.Content(found.Json, "application/json; charset=utf-8"));
    }

    public static async Task<Results<Accepted<RecomputeResponse>, ProblemHttpResult>> RecomputeAsync(
        string roundId, ClaimsPrincipal principal, RecomputeSectorViews recompute, CancellationToken cancellationToken) =>
        (await recompute.ExecuteAsync(principal.ToCaller(), roundId, cancellationToken)).ToResult(types =>
            TypedResults.Accepted($"/api/v1/rounds/{roundId}/sector-views", new RecomputeResponse([.. types.Select(t => t.ToWireName())])));
}
