using Audit.Core.Mail;
using Audit.Core.AuditTrail;
using Audit.Core.Rounds;

namespace Audit.Core.Reviews;

/// <summary>The auditor's remark on one question, shown to the institution after a return.</summary>
public sealed record ReviewRemark(string QuestionKey, string Text);

/// <summary>A stored review; <see cref="Number"/> counts the reviews of the participation from 1. Remarks in key order.</summary>
public sealed record ReviewRecord(
    string Id,
    string ParticipationId,
    int Number,
    ReviewOutcome Decision,
    string? Summary,
    string ReviewedBy,
    DateTimeOffset ReviewedAt,
    IReadOnlyList<ReviewRemark> Remarks);

public enum ReviewSaveOutcome
{
    Reviewed,
    NotFound,

    /// <summary>The participation is not (or no longer) submitted, e.g. a concurrent review won (409).</summary>
    StatusMismatch,

    /// <summary>The round does not allow reviewing (draft or published); the reason says why.</summary>
    NotAllowed,
}

/// <summary><see cref="Participation"/> is the participation after the review, or as it now is when refused (null if not found).</summary>
public sealed record ReviewResult(ReviewSaveOutcome Outcome, ReviewRecord? Review, ParticipationRecord? Participation, string? Reason = null);

public interface IReviewRepository
{
    /// <summary>
    /// One transaction: compare-and-set the participation from submitted to returned or accepted (so of two concurrent
    /// reviews exactly one wins), store the review and its remarks, append the status history, record
    /// <c>participation.returned</c> or <c>participation.accepted</c>, and on accept mark the sector of the institution's
    /// type in the round dirty, for the aggregation to recompute. <paramref name="mailsFor"/> writes the mails that tell the
    /// institution, from the stored review; they are queued in the outbox in the same transaction (skipped when the outbox
    /// already holds their dedupe key), so they are owed exactly when the review is committed.
    /// </summary>
    /// <exception cref="ArgumentException">Two remarks on the same question.</exception>
    Task<ReviewResult> ReviewAsync(
        string participationId, ReviewOutcome decision, IReadOnlyList<ReviewRemark> remarks, string? summary, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default, Func<ReviewRecord, IReadOnlyList<OutgoingMail>>? mailsFor = null);

    /// <summary>Every review, oldest first, with its remarks.</summary>
    Task<IReadOnlyList<ReviewRecord>> ListAsync(string participationId, CancellationToken cancellationToken = default);

    /// <summary>The remarks of the latest review, in key order; empty when never reviewed.</summary>
    Task<IReadOnlyList<ReviewRemark>> LatestRemarksAsync(string participationId, CancellationToken cancellationToken = default);
}
