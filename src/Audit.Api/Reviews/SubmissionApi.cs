using Audit.Application.Submissions;
using Audit.Core.Rounds;

namespace Audit.Api.Reviews;

/// <summary>
/// The institution submits its questionnaire (see <see cref="SubmitParticipation"/>): 400 naming every missing or
/// invalid question, 409 when the round or the participation does not allow it, else the frozen snapshot's number
/// and content hash.
/// </summary>
public static class SubmissionApi
{
    public sealed record SubmissionResponse(
        string ParticipationId, string Status, string SubmissionId, int Number, DateTimeOffset SubmittedAt, string ContentHash);

    public static IEndpointRouteBuilder MapSubmissions(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Reviews").RequireAuthorization(Policies.Respondent)
            .MapPost("/participations/{participationId}/submission", SubmitAsync).WithName("SubmitParticipation")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<SubmissionResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        string participationId, ClaimsPrincipal principal, SubmitParticipation submit, CancellationToken cancellationToken) =>
        (await submit.ExecuteAsync(principal.ToCaller(), participationId, cancellationToken)).ToResults(s => TypedResults.Ok(new SubmissionResponse(
            participationId, s.Participation.Status.ToWireName(), s.Submission.Id, s.Submission.Number, s.Submission.SubmittedAt, s.Submission.ContentHash)));
}
