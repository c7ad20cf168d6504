using Audit.Application.SectorViews;
using Audit.Core.Mail;
using Audit.Core.Reviews;

namespace Audit.Application.Reviews;

/// <summary>A review as the bureau hands it in; <see cref="Remarks"/> may contain null items (refused as invalid remarks).</summary>
public sealed record ReviewInput(string? Decision, IReadOnlyList<RemarkInput?>? Remarks, string? Summary);

/// <summary>The stored review and the participation as it is after it.</summary>
public sealed record ReviewSubmitted(ReviewRecord Review, ParticipationRecord Participation);

/// <summary>
/// The bureau's review of a submission: <c>return</c> reopens editing with remarks per question, <c>accept</c> is
/// final. Checks the decision and the remarks (<see cref="ReviewTexts.CheckReview"/>), then that the round and the
/// participation allow a review, and stores it in one transaction; the repository compares and sets from submitted,
/// so of two concurrent reviews exactly one wins, and on accept marks the sector dirty in the same transaction. The
/// recompute is asked for only after that commit; if the request is lost, the dirty mark makes the sweep do it.
/// The institution's active contacts are mailed about the review (<see cref="IReviewMails"/>), one outbox row each,
/// queued in the review's transaction with a dedupe key per review and contact (<see cref="DedupeKey"/>).
/// </summary>
public sealed class ReviewSubmission(
    ParticipationScopes scopes, IReviewRepository reviews, IRoundMailRepository roundMail, IReviewMails mails, ISectorRecomputeScheduler recompute,
    TimeProvider clock)
{
    public async Task<Outcome<ReviewSubmitted>> ExecuteAsync(Caller caller, string participationId, ReviewInput input, CancellationToken cancellationToken)
    {
        var found = await scopes.ForBureauAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        var errors = ReviewTexts.CheckReview(scope.Questionnaire, input.Decision, input.Remarks ?? [], input.Summary, out var decision, out var remarks);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        var check = ParticipationRules.CanReview(scope.Round.Round.Status, scope.Participation.Status);
        if (!check.IsAllowed)
        {
            return new Failure.Conflict(check.Reason!);
        }
        // Read before the review's transaction: a contact added in the same instant may miss this one mail, nothing worse.
        var contacts = (await roundMail.ContactsAsync(scope.Participation.RoundId, cancellationToken))
            .FirstOrDefault(p => p.ParticipationId == participationId)?.Contacts ?? [];
        var round = scope.Round.Round;
        var result = await reviews.ReviewAsync(participationId, decision, remarks, input.Summary, caller.ToActor(), clock.GetUtcNow(), cancellationToken,
            review => contacts.Select(contact => Mail(new ReviewMailFacts(contact, scope.Participation.InstitutionName, round.Title, review))).ToList());
        switch (result.Outcome)
        {
            case ReviewSaveOutcome.Reviewed:
                if (decision == ReviewOutcome.Accept)
                {
                    recompute.Enqueue(scope.Participation.RoundId, scope.Participation.InstitutionType);
                }
                return new ReviewSubmitted(result.Review!, result.Participation!);
            case ReviewSaveOutcome.NotFound:
                return ParticipationScopes.NotFound(participationId);
            case ReviewSaveOutcome.StatusMismatch:
                return new Failure.Conflict(
                    $"The participation is no longer submitted (now '{result.Participation?.Status.ToWireName()}'); another review came first.");
            default:
                return new Failure.Conflict(result.Reason ?? "The participation cannot be reviewed now.");
        }
    }

    private OutgoingMail Mail(ReviewMailFacts facts)
    {
        var text = mails.For(facts);
        return new OutgoingMail(AccessTokens.NewId("m_"), DedupeKey(facts.Review, facts.Contact.UserId), facts.Contact.Email, text.Subject, text.Body);
    }

    /// <summary>The outbox key of the mail about one review to one contact, e.g. <c>review:p_x:2:u_y</c> (the second review).</summary>
    public static string DedupeKey(ReviewRecord review, string userId) => $"review:{review.ParticipationId}:{review.Number}:{userId}";
}
