using Audit.Api.Answers;
using Audit.Application.FollowUps;
using Audit.Core.FollowUps;

namespace Audit.Api.FollowUps;

/// <summary>
/// The follow-up of the baseline round's recommendations over HTTP, with the same ETag/If-Match rules as answers:
/// the institution's own respondents write, the bureau reads. The rules live in <see cref="ReadFollowUps"/> and
/// <see cref="SaveFollowUp"/>.
/// </summary>
public static class FollowUpsApi
{
    /// <param name="RecommendationId">The baseline theme key (one recommendation per theme in the bureau's findings).</param>
    /// <param name="Status">implemented, in_progress, not_started or not_applicable; null while not stated.</param>
    /// <param name="Version">The follow-up's version (also its ETag); null while not stated.</param>
    public sealed record FollowUpResponse(
        string RecommendationId, string BaselineThemeKey, string Recommendation, string? Status, string? Reason, int? Version,
        string? UpdatedBy, DateTimeOffset? UpdatedAt)
    {
        public static FollowUpResponse From(RecommendationFollowUp item) => new(item.RecommendationId, item.ThemeKey, item.Recommendation,
            item.FollowUp?.Status.ToWireName(), item.FollowUp?.Reason, item.FollowUp?.Version, item.FollowUp?.UpdatedBy, item.FollowUp?.UpdatedAt);
    }

    /// <summary>A stored follow-up, as a write returns it and as a 412/428 carries it in <c>current</c>.</summary>
    public sealed record StatedFollowUpResponse(string RecommendationId, string Status, string? Reason, int Version, string UpdatedBy, DateTimeOffset UpdatedAt)
    {
        public static StatedFollowUpResponse From(FollowUpRecord f) => new(f.RecommendationId, f.Status.ToWireName(), f.Reason, f.Version, f.UpdatedBy, f.UpdatedAt);
    }

    public sealed record FollowUpListResponse(
        string ParticipationId, string? BaselineRoundId, string? BaselineTitle, int Missing, IReadOnlyList<FollowUpResponse> Items);

    /// <param name="Status">implemented, in_progress, not_started or not_applicable.</param>
    /// <param name="Reason">Required for not_applicable, at most 2000 characters.</param>
    public sealed record FollowUpRequest(string? Status, string? Reason);

    public static IEndpointRouteBuilder MapFollowUps(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup("/api/v1").WithTags("Follow-ups").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Respondent));
        read.MapGet("/participations/{participationId}/recommendation-follow-ups", ListAsync).WithName("ListRecommendationFollowUps");
        read.MapGet("/participations/{participationId}/recommendation-follow-ups/{recommendationId}", GetAsync).WithName("GetRecommendationFollowUp");
        routes.MapGroup("/api/v1").WithTags("Follow-ups").RequireAuthorization(Policies.Respondent)
            .MapPut("/participations/{participationId}/recommendation-follow-ups/{recommendationId}", PutAsync).WithName("SaveRecommendationFollowUp")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return routes;
    }

    public static async Task<Results<Ok<FollowUpListResponse>, ProblemHttpResult>> ListAsync(
        string participationId, ClaimsPrincipal principal, ReadFollowUps read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), participationId, cancellationToken)).ToResult(set => TypedResults.Ok(new FollowUpListResponse(
            participationId, set.BaselineRoundId, set.BaselineTitle, set.Missing, set.Items.Select(FollowUpResponse.From).ToList())));

    public static async Task<Results<Ok<FollowUpResponse>, ProblemHttpResult>> GetAsync(
        string participationId, string recommendationId, HttpContext http, ClaimsPrincipal principal, ReadFollowUps read, CancellationToken cancellationToken)
    {
        var outcome = await read.OneAsync(principal.ToCaller(), participationId, recommendationId, cancellationToken);
        VersionTags.Set(http.Response, outcome, item => item.FollowUp?.Version);
        return outcome.ToResult(item => TypedResults.Ok(FollowUpResponse.From(item)));
    }

    public static async Task<Results<Ok<StatedFollowUpResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string participationId, string recommendationId, FollowUpRequest request, HttpContext http, ClaimsPrincipal principal, SaveFollowUp save,
        CancellationToken cancellationToken)
    {
        var outcome = await save.ExecuteAsync(principal.ToCaller(), participationId, recommendationId, new FollowUpInput(request.Status, request.Reason),
            VersionTags.ReadIfMatch(http.Request), cancellationToken);
        VersionTags.Set(http.Response, outcome, f => f.Version);
        return outcome.ToResults(f => TypedResults.Ok(StatedFollowUpResponse.From(f)),
            current => current is FollowUpRecord f ? StatedFollowUpResponse.From(f) : current);
    }
}
