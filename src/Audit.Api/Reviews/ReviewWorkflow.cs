using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Participations;
using Audit.Api.SectorViews;
using Audit.Application.Participations;
using Audit.Application.SectorViews;
using Audit.Core.Reviews;
using Audit.Core.Rounds;

namespace Audit.Api.Reviews;

/// <summary>
/// One review of a submission, the same for the API and the bureau's review page: check the decision and the
/// remarks, check that the round and the participation allow a review, store it in one transaction (the repository
/// compares and sets from submitted, so of two concurrent reviews one wins) and, after an accept has committed,
/// ask for the sector view recompute.
/// </summary>
public static class ReviewWorkflow
{
    /// <summary>How the review went. Exactly one of <see cref="Errors"/> (400), <see cref="Conflict"/> (409),
    /// <see cref="NotFound"/> (404) or <see cref="Result"/> (stored) applies.</summary>
    public sealed record Attempt(Dictionary<string, string[]>? Errors, string? Conflict, bool NotFound, ReviewResult? Result);

    /// <summary>The keys of <see cref="Attempt.Errors"/> follow the API body: <c>decision</c>, <c>remarks[i].questionKey</c>,
    /// <c>remarks[i].text</c> and <c>summary</c>.</summary>
    public static async Task<Attempt> ReviewAsync(
        ParticipationScope scope, string? decisionName, IReadOnlyList<ReviewsApi.RemarkRequest> items, string? summary, ClaimsPrincipal principal,
        IReviewRepository reviews, ISectorRecomputeScheduler recompute, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ReviewDecisions.TryParse(decisionName, out var decision))
        {
            errors["decision"] = ["The decision must be \"return\" or \"accept\"."];
        }
        var remarks = new List<ReviewRemark>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var (key, text) = (items[i].QuestionKey, items[i].Text);
            if (string.IsNullOrEmpty(key) || scope.Questionnaire.FindQuestion(key) is null)
            {
                errors[$"remarks[{i}].questionKey"] = [$"The questionnaire has no question '{key}'."];
            }
            else if (!seen.Add(key))
            {
                errors[$"remarks[{i}].questionKey"] = [$"'{key}' has more than one remark; combine them."];
            }
            if (string.IsNullOrWhiteSpace(text) || text.Length > ReviewsApi.MaxTextLength)
            {
                errors[$"remarks[{i}].text"] = [$"A remark has a text of 1 to {ReviewsApi.MaxTextLength} characters."];
            }
            remarks.Add(new ReviewRemark(key ?? "", text ?? ""));
        }
        if (summary is { Length: > ReviewsApi.MaxTextLength })
        {
            errors["summary"] = [$"The summary may be at most {ReviewsApi.MaxTextLength} characters."];
        }
        if (errors.Count > 0)
        {
            return new Attempt(errors, null, false, null);
        }
        var check = ParticipationRules.CanReview(scope.Round.Round.Status, scope.Participation.Status);
        if (!check.IsAllowed)
        {
            return new Attempt(null, check.Reason, false, null);
        }
        var result = await reviews.ReviewAsync(scope.Participation.Id, decision, remarks, summary, principal.ToActor(), clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case ReviewSaveOutcome.Reviewed:
                if (decision == ReviewOutcome.Accept)
                {
                    recompute.Enqueue(scope.Participation.RoundId, scope.Participation.InstitutionType);
                }
                return new Attempt(null, null, false, result);
            case ReviewSaveOutcome.NotFound:
                return new Attempt(null, null, true, null);
            case ReviewSaveOutcome.StatusMismatch:
                return new Attempt(null,
                    $"The participation is no longer submitted (now '{result.Participation?.Status.ToWireName()}'); another review came first.", false, null);
            default:
                return new Attempt(null, result.Reason ?? "The participation cannot be reviewed now.", false, null);
        }
    }
}
