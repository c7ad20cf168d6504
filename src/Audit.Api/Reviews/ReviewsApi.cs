using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Participations;
using Audit.Api.Problems;
using Audit.Api.SectorViews;
using Audit.Application.Participations;
using Audit.Application.SectorViews;
using Audit.Core.Access;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Reviews;

/// <summary>
/// The bureau's review of a submission: <c>return</c> reopens editing with remarks per question, <c>accept</c> is
/// final and, in the same transaction, marks the sector of the institution's type dirty. Of two concurrent reviews
/// exactly one wins (the repository compares and sets from submitted); the other is a 409. The recompute job is
/// enqueued only after the commit; if that is lost, the dirty mark makes the sweep do it.
/// </summary>
public static class ReviewsApi
{
    public const int MaxTextLength = 10_000;

    public sealed record RemarkRequest(string? QuestionKey, string? Text);

    public sealed record ReviewRequest(string? Decision, IReadOnlyList<RemarkRequest>? Remarks, string? Summary);

    public sealed record ReviewResponse(
        string Id, int Number, string Decision, string? Summary, string ReviewedBy, DateTimeOffset ReviewedAt, IReadOnlyList<Answers.RemarkResponse> Remarks)
    {
        public static ReviewResponse From(ReviewRecord r) => new(r.Id, r.Number, r.Decision.ToWireName(), r.Summary, r.ReviewedBy, r.ReviewedAt,
            r.Remarks.Select(Answers.RemarkResponse.From).ToList());
    }

    /// <summary>The stored review and the participation's status after it.</summary>
    public sealed record ReviewOutcomeResponse(string ParticipationId, string Status, ReviewResponse Review);

    public sealed record ReviewList(IReadOnlyList<ReviewResponse> Items);

    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Reviews").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Respondent))
            .MapGet("/participations/{participationId}/reviews", ListAsync).WithName("ListReviews");
        routes.MapGroup("/api/v1").WithTags("Reviews").RequireAuthorization(Policies.Bureau)
            .MapPost("/participations/{participationId}/reviews", ReviewAsync).WithName("ReviewParticipation")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<ReviewList>, ProblemHttpResult>> ListAsync(
        string participationId, ClaimsPrincipal principal, ParticipationScopes scopes, IReviewRepository reviews, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is null)
        {
            return LegacyScopes.NotFound(participationId);
        }
        var list = await reviews.ListAsync(participationId, cancellationToken);
        return TypedResults.Ok(new ReviewList(list.Select(ReviewResponse.From).ToList()));
    }

    public static async Task<Results<Ok<ReviewOutcomeResponse>, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        string participationId, ReviewRequest request, ClaimsPrincipal principal, ParticipationScopes scopes, IReviewRepository reviews,
        ISectorRecomputeScheduler recompute, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return LegacyScopes.NotFound(participationId);
        }
        var attempt = await ReviewWorkflow.ReviewAsync(scope, request.Decision, request.Remarks ?? [], request.Summary, principal, reviews, recompute, clock,
            cancellationToken);
        return attempt switch
        {
            { Errors: { } errors } => ApiProblems.Validation(errors),
            { Conflict: { } reason } => ApiProblems.Conflict(reason),
            { Result: { } result } => TypedResults.Ok(new ReviewOutcomeResponse(participationId, result.Participation!.Status.ToWireName(), ReviewResponse.From(result.Review!))),
            _ => LegacyScopes.NotFound(participationId),
        };
    }
}
