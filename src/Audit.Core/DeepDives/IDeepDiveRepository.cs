using Audit.Core.AuditTrail;

namespace Audit.Core.DeepDives;

/// <summary>
/// The bureau's choice of institutions for the qualitative deep-dive in one sector (round and institution type), with
/// why it chose them. Confidential: only the bureau reads it.
/// </summary>
public sealed record DeepDiveSelection(
    string RoundId,
    string InstitutionType,
    IReadOnlyList<string> InstitutionIds,
    string Rationale,
    int Version,
    string UpdatedBy,
    DateTimeOffset UpdatedAt);

/// <summary>What was done at an institution: a conversation, or a study of its documents.</summary>
public enum DeepDiveKind
{
    Interview,
    DocumentStudy,
}

public static class DeepDiveKinds
{
    public static IReadOnlyList<string> WireNames { get; } = ["interview", "document-study"];

    public static bool TryParse(string? wireName, out DeepDiveKind kind)
    {
        switch (wireName)
        {
            case "interview":
                kind = DeepDiveKind.Interview;
                return true;
            case "document-study":
                kind = DeepDiveKind.DocumentStudy;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public static string ToWireName(this DeepDiveKind kind) => kind switch
    {
        DeepDiveKind.Interview => "interview",
        DeepDiveKind.DocumentStudy => "document-study",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>One note of a record, coded with the themes (keys of the round's questionnaire) it is about.</summary>
public sealed record DeepDiveNote(string Text, IReadOnlyList<string> Themes);

/// <summary>
/// One interview or document study at a selected institution. <see cref="Roles"/> are roles, never names (who was
/// spoken to, or whose documents); <see cref="HeldOn"/> is a calendar date.
/// </summary>
public sealed record DeepDiveRecord(
    string Id,
    string RoundId,
    string InstitutionType,
    string InstitutionId,
    DeepDiveKind Kind,
    DateOnly HeldOn,
    IReadOnlyList<string> Roles,
    IReadOnlyList<DeepDiveNote> Notes,
    string? NotablePractices,
    int Version,
    string UpdatedBy,
    DateTimeOffset UpdatedAt);

public enum DeepDiveWriteOutcome
{
    Saved,

    /// <summary>Not at the expected version (or, for a selection, none yet while one was expected); nothing written.</summary>
    VersionMismatch,

    /// <summary>No such round, or no such record in this sector.</summary>
    NotFound,
}

/// <summary><see cref="Current"/>: the saved item, or the one as it now is on a mismatch (null when there is none).</summary>
public sealed record DeepDiveWriteResult<T>(DeepDiveWriteOutcome Outcome, T? Current) where T : class;

/// <summary>
/// How many institutions a sector's deep-dive selected and what was done there, in counts only: what a report's
/// method section may say ("how many per type, how chosen") without any note reaching it.
/// </summary>
public sealed record DeepDiveCounts(string InstitutionType, int Selected, int Interviews, int DocumentStudies);

/// <summary>
/// The deep-dive's store. Every write is one transaction with its audit event (<c>deep-dive.selection-saved</c>,
/// <c>deep-dive.record-added</c>, <c>deep-dive.record-changed</c>, <c>deep-dive.record-deleted</c>). Versions start at
/// 1 and grow by one.
/// </summary>
public interface IDeepDiveRepository
{
    Task<DeepDiveSelection?> GetSelectionAsync(string roundId, string institutionType, CancellationToken cancellationToken = default);

    /// <summary>Writes the selection: with an expected version only over that version; without one, only if there is none yet.</summary>
    Task<DeepDiveWriteResult<DeepDiveSelection>> PutSelectionAsync(
        string roundId, string institutionType, IReadOnlyList<string> institutionIds, string rationale, int? expectedVersion, Actor actor,
        DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The sector's records, by institution, date and id; of one institution when <paramref name="institutionId"/> is given.</summary>
    Task<IReadOnlyList<DeepDiveRecord>> ListRecordsAsync(
        string roundId, string institutionType, string? institutionId, CancellationToken cancellationToken = default);

    Task<DeepDiveRecord?> GetRecordAsync(string roundId, string institutionType, string recordId, CancellationToken cancellationToken = default);

    /// <summary>Adds a record (its <see cref="DeepDiveRecord.Version"/>, updater and time are set here).</summary>
    Task<DeepDiveWriteResult<DeepDiveRecord>> AddRecordAsync(DeepDiveRecord record, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Replaces a record's content if it is still at <paramref name="expectedVersion"/>.</summary>
    Task<DeepDiveWriteResult<DeepDiveRecord>> ChangeRecordAsync(
        DeepDiveRecord record, int expectedVersion, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Deletes a record if it is still at <paramref name="expectedVersion"/>.</summary>
    Task<DeepDiveWriteResult<DeepDiveRecord>> DeleteRecordAsync(
        string roundId, string institutionType, string recordId, int expectedVersion, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>Per institution type with a selection: the counts for a report's method section.</summary>
    Task<IReadOnlyList<DeepDiveCounts>> CountsAsync(string roundId, CancellationToken cancellationToken = default);
}
