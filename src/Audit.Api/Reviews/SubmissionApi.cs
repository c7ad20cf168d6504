using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Participations;
using Audit.Api.Problems;
using Audit.Application.Participations;
using Audit.Core.Access;
using Audit.Core.Answers;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Reviews;

/// <summary>
/// The institution submits its questionnaire: every required visible question answered and every answer valid
/// (else 400 naming every missing or invalid question), then the answers are frozen in a snapshot with a content
/// hash. The repository refuses the submission if an answer changed after the snapshot was built.
/// </summary>
public static class SubmissionApi
{
    /// <summary>An answer saved between the check and the submit invalidates the snapshot; build it again a few times.</summary>
    private const int Attempts = 3;

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
        string participationId, ClaimsPrincipal principal, ParticipationScopes scopes, IAnswerRepository answers, ISubmissionRepository submissions,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
            {
                return LegacyScopes.NotFound(participationId);
            }
            if (!principal.CanEdit(scope.Participation))
            {
                return LegacyScopes.NotEditor();
            }
            var current = await answers.ListAsync(participationId, cancellationToken);
            var completeness = AnswerValidator.CompletenessCheck(scope.Questionnaire,
                AnswerInput.Values(current));
            if (!completeness.IsComplete)
            {
                return ApiProblems.Validation(IncompleteErrors(completeness),
                    $"The questionnaire cannot be submitted: {completeness.Missing.Count} required question(s) unanswered, " +
                    $"{completeness.Invalid.Select(e => e.QuestionKey).Distinct().Count()} answer(s) invalid.");
            }
            var check = ParticipationRules.CanSubmit(scope.Round.Round.Status, scope.Participation.Status);
            if (!check.IsAllowed)
            {
                return ApiProblems.Conflict(check.Reason!);
            }
            var snapshot = SubmissionSnapshots.Build(scope.Questionnaire, current);
            var result = await submissions.SubmitAsync(participationId, scope.Participation.Status, snapshot, principal.ToActor(), clock.GetUtcNow(), cancellationToken);
            switch (result.Outcome)
            {
                case SubmitOutcome.Submitted:
                    var submission = result.Submission!;
                    return TypedResults.Ok(new SubmissionResponse(participationId, result.Participation!.Status.ToWireName(), submission.Id, submission.Number,
                        submission.SubmittedAt, submission.ContentHash));
                case SubmitOutcome.NotFound:
                    return LegacyScopes.NotFound(participationId);
                case SubmitOutcome.AnswersChanged when attempt < Attempts:
                    continue;
                case SubmitOutcome.AnswersChanged:
                    return ApiProblems.Conflict("The answers keep changing while submitting; try again when your colleagues have saved.");
                case SubmitOutcome.StatusMismatch:
                    return ApiProblems.Conflict(
                        $"The participation changed meanwhile to '{result.Participation?.Status.ToWireName()}'; reload and try again.");
                default:
                    return ApiProblems.Conflict(result.Reason ?? "The questionnaire cannot be submitted now.");
            }
        }
    }

    /// <summary>Keyed by question: "not answered" for each missing one, Core's messages for each invalid one.</summary>
    private static Dictionary<string, string[]> IncompleteErrors(CompletenessResult completeness)
    {
        var errors = completeness.Missing.ToDictionary(k => k, _ => new[] { "This required question is not answered." }, StringComparer.Ordinal);
        foreach (var group in completeness.Invalid.GroupBy(e => e.QuestionKey, StringComparer.Ordinal))
        {
            errors[group.Key] = group.Select(e => e.Message).ToArray();
        }
        return errors;
    }
}
