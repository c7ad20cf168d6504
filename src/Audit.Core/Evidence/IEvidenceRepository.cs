using Audit.Core.AuditTrail;

namespace Audit.Core.Evidence;

/// <summary>What an upload is, as detected and stored: the bytes themselves are in the <see cref="IEvidenceStore"/>.</summary>
public sealed record EvidenceUpload(
    string ParticipationId,
    string QuestionKey,
    string Sha256,
    string FileName,
    string ContentType,
    long SizeBytes);

/// <summary>An evidence document attached to a question. <see cref="Id"/> is random (<c>e_…</c>).</summary>
public sealed record EvidenceRecord(
    string Id,
    string ParticipationId,
    string QuestionKey,
    string Sha256,
    string FileName,
    string ContentType,
    long SizeBytes,
    string UploadedBy,
    DateTimeOffset UploadedAt);

public enum EvidenceChangeOutcome
{
    Done,

    /// <summary>No such participation, or no such evidence in it.</summary>
    NotFound,

    /// <summary>The round or the participation status does not allow changes; the reason says which.</summary>
    NotEditable,
}

/// <summary><see cref="Evidence"/> is the added or the removed document when <see cref="EvidenceChangeOutcome.Done"/>.</summary>
public sealed record EvidenceChangeResult(EvidenceChangeOutcome Outcome, EvidenceRecord? Evidence, string? Reason = null);

/// <summary>
/// Evidence metadata. Adding and removing follow the same rule as answers (checked inside the transaction, moving the
/// participation to in_progress) and record an audit event. Storing and deleting the bytes is the caller's job:
/// store the content before <see cref="AddAsync"/>, and delete it after <see cref="DeleteAsync"/> only when
/// <see cref="IsContentReferencedAsync"/> says no other document shares it.
/// </summary>
public interface IEvidenceRepository
{
    Task<EvidenceChangeResult> AddAsync(EvidenceUpload upload, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Oldest first; of one question when <paramref name="questionKey"/> is given.</summary>
    Task<IReadOnlyList<EvidenceRecord>> ListAsync(string participationId, string? questionKey = null, CancellationToken cancellationToken = default);

    /// <summary>Null unless the evidence belongs to that participation.</summary>
    Task<EvidenceRecord?> GetAsync(string participationId, string evidenceId, CancellationToken cancellationToken = default);

    Task<EvidenceChangeResult> DeleteAsync(string participationId, string evidenceId, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Whether any document, of any participation, still has this content.</summary>
    Task<bool> IsContentReferencedAsync(string sha256, CancellationToken cancellationToken = default);
}
