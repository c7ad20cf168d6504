using Audit.Core.AuditTrail;

namespace Audit.Core.Answers;

/// <summary>
/// Answers of a participation, with optimistic concurrency per answer and a complete history. Each write is one
/// transaction that also checks, inside it, that the participation is editable (<c>ParticipationRules.CanEditAnswers</c>:
/// round open, participation invited, in_progress or returned), so a concurrent submit, review or round change is
/// either entirely before or entirely after it. A write moves the participation to in_progress
/// (<c>ParticipationRules.AfterEdit</c>: from invited, and from returned), appends to the answer history and records
/// an audit event. Values are not validated here: the caller validates them against the questionnaire first.
/// </summary>
public interface IAnswerRepository
{
    /// <summary>Every current answer, in question key order.</summary>
    Task<IReadOnlyList<AnswerRecord>> ListAsync(string participationId, CancellationToken cancellationToken = default);

    Task<AnswerRecord?> GetAsync(string participationId, string questionKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one answer: with an expected version, only if the answer is still at it (else 412); expecting none (0)
    /// or naming none (null), only if there is no answer yet (else 412, or 428 for null). See <see cref="AnswerWrite"/>.
    /// The saved answer is no longer prefilled. Audit event <c>answer.saved</c>.
    /// </summary>
    Task<AnswerSaveResult> SaveAsync(
        string participationId, AnswerWrite write, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// The autosave's write, in one transaction on one connection: reads the participation (with its round) and the
    /// current answer inside the write transaction, hands them to <paramref name="decide"/>, which applies the rules
    /// (null: refused, nothing is written), then writes the answer it returns as <see cref="SaveAsync"/> does. Null when
    /// <paramref name="decide"/> refused. <paramref name="decide"/> may run more than once when the engine asks for a retry.
    /// </summary>
    Task<AnswerSaveResult?> SaveInScopeAsync(
        string participationId, string questionKey, Func<AnswerScopeRead?, Task<AnswerWrite?>> decide, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>All or nothing: every item is tried, so a failure lists every failing item; any failure saves nothing.</summary>
    Task<AnswerBatchResult> SaveBatchAsync(
        string participationId, IReadOnlyList<AnswerWrite> writes, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// All or nothing over writes and clears together, as a form saves a whole page: what was filled in and what was
    /// emptied. <see cref="AnswerBatchResult.Items"/> holds the writes in order, then the clears in order; a cleared
    /// item's <see cref="AnswerSaveResult.Answer"/> is the removed answer, a stale one's the current answer (null when
    /// it is gone already, which is a mismatch too). Audit events <c>answer.saved</c> and <c>answer.deleted</c>.
    /// </summary>
    Task<AnswerBatchResult> SaveChangesAsync(
        string participationId, IReadOnlyList<AnswerWrite> writes, IReadOnlyList<AnswerClear> clears, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>Clears an answer at the expected version; its history gains a version with no value. Audit event <c>answer.deleted</c>.</summary>
    Task<AnswerDeleteResult> DeleteAsync(
        string participationId, string questionKey, int expectedVersion, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Newest first; empty when the question was never answered.</summary>
    Task<IReadOnlyList<AnswerVersion>> HistoryAsync(string participationId, string questionKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies the answers of <paramref name="comparableKeys"/> from the accepted baseline participation into the
    /// questions that have no answer yet, marked prefilled; answers already entered are never overwritten. The caller
    /// decides which keys are comparable (same key and type). Audit event <c>answers.prefilled</c>.
    /// </summary>
    Task<PrefillResult> PrefillAsync(
        string participationId, string baselineParticipationId, IReadOnlyCollection<string> comparableKeys, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>The number of current answers per participation, for lists; participations without answers map to 0.</summary>
    Task<IReadOnlyDictionary<string, int>> CountAnsweredAsync(
        IReadOnlyCollection<string> participationIds, CancellationToken cancellationToken = default);
}
