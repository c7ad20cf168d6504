using Audit.Application.FollowUps;
using Audit.Core.Reviews;

namespace Audit.Application.Submissions;

/// <summary>The submission made, and the participation as it now is (submitted).</summary>
public sealed record Submitted(ParticipationRecord Participation, SubmissionRecord Submission);

/// <summary>
/// The institution submits its questionnaire: every required visible question answered, every answer valid and every
/// recommendation of the baseline round followed up (else "invalid", naming every missing or invalid question and every
/// recommendation without a follow-up, keyed <c>recommendationFollowUps.{recommendationId}</c>), then the answers are
/// frozen in a snapshot with a content hash; the follow-ups freeze with them through the edit gate. The repository
/// refuses the submission if an answer changed after the snapshot was built.
/// </summary>
public sealed class SubmitParticipation(
    ParticipationScopes scopes, ParticipationCompleteness completeness, BaselineRecommendations recommendations, ISubmissionRepository submissions,
    TimeProvider clock)
{
    /// <summary>An answer saved between the check and the submit invalidates the snapshot; build it again a few times.</summary>
    private const int Attempts = 3;

    public async Task<Outcome<Submitted>> ExecuteAsync(Caller caller, string participationId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await scopes.EditableByAsync(participationId, caller, cancellationToken);
            if (!found.TryGetValue(out var scope, out var failure))
            {
                return failure;
            }
            var (check, current) = await completeness.CheckAsync(scope, cancellationToken);
            var followUps = await recommendations.ForAsync(scope, cancellationToken);
            if (!check.IsComplete || followUps.Missing > 0)
            {
                return Incomplete(check, followUps);
            }
            var rule = ParticipationRules.CanSubmit(scope.Round.Round.Status, scope.Participation.Status);
            if (!rule.IsAllowed)
            {
                return new Failure.Conflict(rule.Reason!);
            }
            var snapshot = SubmissionSnapshots.Build(scope.Questionnaire, current);
            var result = await submissions.SubmitAsync(
                participationId, scope.Participation.Status, snapshot, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
            switch (result.Outcome)
            {
                case SubmitOutcome.Submitted:
                    return new Submitted(result.Participation!, result.Submission!);
                case SubmitOutcome.NotFound:
                    return ParticipationScopes.NotFound(participationId);
                case SubmitOutcome.AnswersChanged when attempt < Attempts:
                    continue;
                case SubmitOutcome.AnswersChanged:
                    return new Failure.Conflict("The answers keep changing while submitting; try again when your colleagues have saved.");
                case SubmitOutcome.StatusMismatch:
                    return new Failure.Conflict(
                        $"The participation changed meanwhile to '{result.Participation?.Status.ToWireName()}'; reload and try again.");
                default:
                    return new Failure.Conflict(result.Reason ?? "The questionnaire cannot be submitted now.");
            }
        }
    }

    /// <summary>
    /// Keyed by question: "not answered" for each missing one, Core's messages for each invalid one; and one entry per
    /// recommendation without a follow-up.
    /// </summary>
    private static Failure.Invalid Incomplete(CompletenessResult completeness, FollowUpSet followUps)
    {
        var errors = completeness.Missing.ToDictionary(k => k, _ => new[] { "This required question is not answered." }, StringComparer.Ordinal);
        foreach (var group in completeness.Invalid.GroupBy(e => e.QuestionKey, StringComparer.Ordinal))
        {
            errors[group.Key] = group.Select(e => e.Message).ToArray();
        }
        foreach (var item in followUps.Items.Where(i => i.FollowUp is null))
        {
            errors[FollowUpField(item.RecommendationId)] = [$"State how the recommendation of '{followUps.BaselineTitle}' on this theme was followed up."];
        }
        return new Failure.Invalid(errors,
            $"The questionnaire cannot be submitted: {completeness.Missing.Count} required question(s) unanswered, " +
            $"{completeness.Invalid.Select(e => e.QuestionKey).Distinct().Count()} answer(s) invalid, " +
            $"{followUps.Missing} recommendation(s) without a follow-up.");
    }

    public static string FollowUpField(string recommendationId) => "recommendationFollowUps." + recommendationId;
}
