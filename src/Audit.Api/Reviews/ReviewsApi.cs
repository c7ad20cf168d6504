using Audit.Application.Reviews;
using Audit.Core.Reviews;
using Audit.Core.Rounds;

namespace Audit.Api.Reviews;

/// <summary>
/// The bureau's review of a submission over HTTP: <c>return</c> reopens editing with remarks per question (at least
/// one remark or a summary), <c>accept</c> is final; either mails the institution's contacts. Of two concurrent reviews exactly one wins; the other is a 409. The rules live in
/// <see cref="ReviewSubmission"/>.
/// </summary>
public static class ReviewsApi
{
    public sealed record RemarkRequest(string? QuestionKey, string? Text);

    /// <summary>A null remark is invalid, so the document does not offer one; JSON may still send it, and it is refused as such.</summary>
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
            .WithSummary("Return a submitted questionnaire with remarks, or accept it (final)")
            .WithDescription(
                "`return` reopens the questionnaire for the institution and needs at least one remark or a summary (400 with " +
                "`errors.remarks` otherwise); `accept` is final. Every active respondent of the institution is mailed in the " +
                "same transaction (dedupe key `review:{participationId}:{n}:{userId}`). 409 when the participation is not " +
                "submitted or the round does not allow reviewing, e.g. after a concurrent review.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<ReviewList>, ProblemHttpResult>> ListAsync(
        string participationId, ClaimsPrincipal principal, ReadReviews read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), participationId, cancellationToken))
            .ToResult(list => TypedResults.Ok(new ReviewList(list.Select(ReviewResponse.From).ToList())));

    public static async Task<Results<Ok<ReviewOutcomeResponse>, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        string participationId, ReviewRequest request, ClaimsPrincipal principal, ReviewSubmission review, CancellationToken cancellationToken)
    {
        var remarks = request.Remarks?.Select(r => r is null ? null : new RemarkInput(r.QuestionKey, r.Text)).ToList<RemarkInput?>();
        var outcome = await review.ExecuteAsync(principal.ToCaller(), participationId, new ReviewInput(request.Decision, remarks, request.Summary),
            cancellationToken);
        return outcome.ToResults(done => TypedResults.Ok(
            new ReviewOutcomeResponse(participationId, done.Participation.Status.ToWireName(), ReviewResponse.From(done.Review))));
    }
}
