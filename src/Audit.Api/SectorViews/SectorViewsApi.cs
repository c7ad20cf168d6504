using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Problems;
using Audit.Application.SectorViews;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.SectorViews;

/// <summary>
/// Sector views. The bureau sees the internal view (every value, with suppression flags) at any time; the
/// ministry sees the published view once the round is published; a respondent sees the published view of
/// its own institution type once the round is published. Anything else is a 404.
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

    public sealed record SectorViewSummaryResponse(string InstitutionType, int Included, bool Suppressed, DateTimeOffset ComputedAt, string Fingerprint);

    public sealed record SectorViewList(IReadOnlyList<SectorViewSummaryResponse> Items);

    public sealed record RecomputeResponse(IReadOnlyList<string> InstitutionTypes);

    /// <summary>Which published views the caller may see; null means every view in internal form (the bureau).</summary>
    private static async Task<(bool Bureau, string? OnlyType, bool Allowed)> ScopeAsync(
        ClaimsPrincipal principal, RoundRecord round, IInstitutionRepository institutions, CancellationToken cancellationToken)
    {
        var published = round.Round.Status == RoundStatus.Published;
        switch (principal.GetRole())
        {
            case Role.Admin or Role.Analyst:
                return (true, null, true);
            case Role.Ministry:
                return (false, null, published);
            case Role.Respondent:
                var institution = principal.GetInstitutionId() is { } id ? await institutions.GetAsync(id, cancellationToken) : null;
                return (false, institution?.Type.ToWireName(), published && institution is not null);
            default:
                return (false, null, false);
        }
    }

    public static async Task<Results<Ok<SectorViewList>, ProblemHttpResult>> ListAsync(
        string roundId, ClaimsPrincipal principal, IRoundRepository rounds, IInstitutionRepository institutions, ISectorViewRepository views,
        CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(roundId, cancellationToken);
        var scope = round is null ? default : await ScopeAsync(principal, round, institutions, cancellationToken);
        if (round is null || !scope.Allowed)
        {
            return ApiProblems.NotFound($"Round '{roundId}' has no sector views you can see.");
        }
        var items = (await views.ListCurrentAsync(roundId, cancellationToken))
            .Where(v => scope.OnlyType is null || v.InstitutionType == scope.OnlyType)
            .Select(v => new SectorViewSummaryResponse(v.InstitutionType, v.Included, v.Suppressed, v.ComputedAt, v.Fingerprint)).ToList();
        return TypedResults.Ok(new SectorViewList(items));
    }

    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        string roundId, string institutionType, ClaimsPrincipal principal, IRoundRepository rounds, IInstitutionRepository institutions,
        ISectorViewRepository views, IAuditEventRepository trail, TimeProvider clock, CancellationToken cancellationToken, string? view = null)
    {
        if (view is not null and not (SectorViewKinds.Published or SectorViewKinds.Internal))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["view"] = ["view must be 'internal' or 'published'."] });
        }
        var round = await rounds.GetAsync(roundId, cancellationToken);
        var scope = round is null ? default : await ScopeAsync(principal, round, institutions, cancellationToken);
        var stored = round is null || !scope.Allowed || (scope.OnlyType is not null && scope.OnlyType != institutionType)
            ? null
            : await views.GetCurrentAsync(roundId, institutionType, cancellationToken);
        if (stored is null)
        {
            return ApiProblems.NotFound($"There is no sector view of '{institutionType}' in round '{roundId}' that you can see.");
        }
        var wantsInternal = scope.Bureau && view != SectorViewKinds.Published;
        if (wantsInternal)
        {
            // Unsuppressed numbers are confidential: every read is on record.
            await trail.RecordAsync(principal.ToActor().Did("sector-view.read-internal", "sector-view", $"{roundId}/{institutionType}", clock.GetUtcNow(), stored.Fingerprint), cancellationToken);
        }
        return TypedResults.Content(wantsInternal ? stored.InternalJson : stored.PublishedJson, "application/json; charset=utf-8");
    }

    public static async Task<Results<Accepted<RecomputeResponse>, ProblemHttpResult>> RecomputeAsync(
        string roundId, ClaimsPrincipal principal, IRoundRepository rounds, IParticipationRepository participations, ISectorDirtyRepository dirty,
        ISectorRecomputeScheduler scheduler, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(roundId, cancellationToken) is null)
        {
            return ApiProblems.NotFound($"Round '{roundId}' does not exist.");
        }
        var types = await participations.InstitutionTypesAsync(roundId, cancellationToken);
        var marks = await dirty.MarkAsync(roundId, types, principal.ToActor(), clock.GetUtcNow(), cancellationToken);
        foreach (var mark in marks)
        {
            scheduler.Enqueue(mark.RoundId, mark.InstitutionType);
        }
        return TypedResults.Accepted($"/api/v1/rounds/{roundId}/sector-views", new RecomputeResponse(types.Select(t => t.ToWireName()).ToList()));
    }
}
