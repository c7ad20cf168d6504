namespace Audit.Core.Answers;

/// <summary>
/// The current answer to one question. <see cref="ValueJson"/> is the canonical JSON of the value, validated by the
/// caller against the question type. <see cref="Version"/> is the ETag: it grows by one with every change and never
/// repeats for a question, not even after the answer was cleared and entered again. <see cref="Prefilled"/> stays
/// true while the answer is still the copy from the baseline round.
/// </summary>
public sealed record AnswerRecord(
    string ParticipationId,
    string QuestionKey,
    string ValueJson,
    string? Comment,
    bool Prefilled,
    int Version,
    string UpdatedBy,
    DateTimeOffset UpdatedAt);

/// <summary>One entry of an answer's history. A null <see cref="ValueJson"/> records that the answer was cleared.</summary>
public sealed record AnswerVersion(
    string ParticipationId,
    string QuestionKey,
    int Version,
    string? ValueJson,
    string? Comment,
    bool Prefilled,
    string ChangedBy,
    DateTimeOffset ChangedAt);

/// <summary>
/// One answer to write. <see cref="ExpectedVersion"/> is the version the writer last saw (If-Match). 0 means the writer
/// saw no answer (If-None-Match: *): refused as a mismatch when one exists by now. Null means the writer named no
/// version (no If-Match): fine for a new answer, refused as a missing precondition when one exists.
/// </summary>
public sealed record AnswerWrite(string QuestionKey, string ValueJson, string? Comment = null, int? ExpectedVersion = null);

/// <summary>
/// What a write reads inside its transaction before deciding: the participation (null when it does not exist), its
/// round, and the question's current answer (null when it has none).
/// </summary>
public sealed record AnswerScopeRead(Rounds.ParticipationRecord Participation, Rounds.RoundRecord Round, AnswerRecord? Current);

/// <summary>One answer to clear, as part of a set of changes: only if it is still at <see cref="ExpectedVersion"/>.</summary>
public sealed record AnswerClear(string QuestionKey, int ExpectedVersion);

public enum AnswerSaveOutcome
{
    Saved,

    /// <summary>The answer is no longer at the expected version, or was created meanwhile by someone else (412).</summary>
    VersionMismatch,

    /// <summary>The answer exists but the write named no expected version (428).</summary>
    PreconditionRequired,

    /// <summary>The round or the participation status does not allow edits; the reason says which.</summary>
    NotEditable,

    /// <summary>No such participation.</summary>
    NotFound,

    /// <summary>Only in a failed batch: this item was fine, but nothing was saved because another item failed.</summary>
    RolledBack,
}

/// <summary>
/// The outcome of writing one answer. <see cref="Answer"/> is the new answer when <see cref="AnswerSaveOutcome.Saved"/>,
/// the current answer (null if there is none) on a mismatch or a missing precondition, and null otherwise.
/// </summary>
public sealed record AnswerSaveResult(AnswerSaveOutcome Outcome, string QuestionKey, AnswerRecord? Answer, string? Reason = null)
{
    public bool Saved => Outcome == AnswerSaveOutcome.Saved;
}

public enum AnswerBatchOutcome
{
    Saved,

    /// <summary>At least one item failed; nothing was saved. Every item says why or <see cref="AnswerSaveOutcome.RolledBack"/>.</summary>
    ItemsFailed,

    NotEditable,
    NotFound,
}

/// <summary>The outcome of an all-or-nothing batch. <see cref="Items"/> follow the order of the writes.</summary>
public sealed record AnswerBatchResult(AnswerBatchOutcome Outcome, IReadOnlyList<AnswerSaveResult> Items, string? Reason = null)
{
    public bool Saved => Outcome == AnswerBatchOutcome.Saved;
}

public enum AnswerDeleteOutcome
{
    Deleted,
    VersionMismatch,

    /// <summary>No such answer (or participation).</summary>
    NotFound,

    NotEditable,
}

/// <summary><see cref="Current"/> is the answer as it now is on a mismatch, and the removed answer when deleted.</summary>
public sealed record AnswerDeleteResult(AnswerDeleteOutcome Outcome, AnswerRecord? Current, string? Reason = null);

public enum PrefillOutcome
{
    Prefilled,
    NotEditable,

    /// <summary>No such participation.</summary>
    NotFound,

    /// <summary>
    /// The baseline participation does not exist, belongs to another institution, or was not accepted: only the
    /// institution's own accepted answers are copied.
    /// </summary>
    BaselineNotUsable,
}

/// <summary><see cref="CopiedKeys"/> are the questions that received a prefilled answer, in key order.</summary>
public sealed record PrefillResult(PrefillOutcome Outcome, IReadOnlyList<string> CopiedKeys, string? Reason = null);
