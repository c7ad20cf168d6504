using Audit.Core.AuditTrail;

namespace Audit.Core.Questionnaires;

/// <summary>
/// A questionnaire version as stored: the canonical definition JSON and its content hash, both produced by
/// Core's loader. Storage never interprets the definition, so what was hashed is exactly what is read back.
/// </summary>
public sealed record StoredQuestionnaire(
    string Key,
    string Version,
    string Title,
    string Language,
    string DefinitionJson,
    string ContentHash,
    DateTimeOffset CreatedAt);

/// <summary>A listing row: everything but the (large) definition.</summary>
public sealed record QuestionnaireSummary(
    string Key,
    string Version,
    string Title,
    string Language,
    string ContentHash,
    DateTimeOffset CreatedAt);

/// <summary>
/// The outcome of storing a version. When the (key, version) already existed nothing was written and
/// <see cref="StoredContentHash"/> is the existing version's hash: equal to the upload's means a harmless
/// repeat, different means a conflicting upload (409), because a version never changes.
/// </summary>
public sealed record QuestionnaireInsertResult(bool Inserted, string StoredContentHash);

/// <summary>Versioned questionnaire definitions. Rows are only ever inserted: a version is immutable.</summary>
public interface IQuestionnaireRepository
{
    /// <summary>Every version, ordered by key and then version.</summary>
    Task<IReadOnlyList<QuestionnaireSummary>> ListAsync(CancellationToken cancellationToken = default);

    Task<StoredQuestionnaire?> GetAsync(string key, string version, CancellationToken cancellationToken = default);

    /// <summary>Inserts the version unless (key, version) exists; the audit event is written only on insert.</summary>
    Task<QuestionnaireInsertResult> InsertIfAbsentAsync(
        StoredQuestionnaire questionnaire, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a stored version's definition and hash, only while its hash is still <paramref name="expectedHash"/>; the
    /// audit event is written only on replace. For translations only: the caller has checked that what the version asks in
    /// its own language is unchanged (<see cref="QuestionnaireJson.SameQuestions"/>). False when the hash no longer matched.
    /// </summary>
    Task<bool> ReplaceTranslationsAsync(
        StoredQuestionnaire questionnaire, string expectedHash, AuditEvent audit, CancellationToken cancellationToken = default);
}
