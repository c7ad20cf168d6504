using Audit.Core.AuditTrail;
using Audit.Core.Rounds;

namespace Audit.Core.Reviews;

/// <summary>
/// The frozen answers of one submission. <see cref="AnswerVersions"/> names the answer versions the snapshot was
/// built from (question key → version): the submission is refused if the answers changed in the meantime, so the
/// snapshot is exactly what was submitted.
/// </summary>
public sealed record SubmissionSnapshot(string SnapshotJson, string ContentHash, IReadOnlyDictionary<string, int> AnswerVersions);

/// <summary>A stored submission; <see cref="Number"/> counts the submissions of the participation from 1.</summary>
public sealed record SubmissionRecord(
    string Id,
    string ParticipationId,
    int Number,
    DateTimeOffset SubmittedAt,
    string SubmittedBy,
    string ContentHash,
    string SnapshotJson);

public enum SubmitOutcome
{
    Submitted,
    NotFound,

    /// <summary>The participation is no longer in the expected status (409); nothing was written.</summary>
    StatusMismatch,

    /// <summary>The round does not allow submitting (not open); the reason says why.</summary>
    NotAllowed,

    /// <summary>An answer changed after the snapshot was built: rebuild it and validate again.</summary>
    AnswersChanged,
}

/// <summary><see cref="Participation"/> is the participation after the change, or as it now is when refused (null if not found).</summary>
public sealed record SubmitResult(SubmitOutcome Outcome, SubmissionRecord? Submission, ParticipationRecord? Participation, string? Reason = null);

public interface ISubmissionRepository
{
    /// <summary>
    /// One transaction: compare-and-set the participation from <paramref name="expectedStatus"/> to submitted (round
    /// open), check that the current answers are exactly <see cref="SubmissionSnapshot.AnswerVersions"/>, store the
    /// snapshot, append the status history and record <c>participation.submitted</c>. The status change waits for
    /// answer writes in flight and later ones see it, so no answer can change after the snapshot is taken.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="ParticipationTransitions"/> does not allow expected → submitted.</exception>
    Task<SubmitResult> SubmitAsync(
        string participationId, ParticipationStatus expectedStatus, SubmissionSnapshot snapshot, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>The latest submission, or null when never submitted.</summary>
    Task<SubmissionRecord?> LatestAsync(string participationId, CancellationToken cancellationToken = default);
}
