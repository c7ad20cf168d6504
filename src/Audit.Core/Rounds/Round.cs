namespace Audit.Core.Rounds;

/// <summary>The questionnaire definition a round uses; the version is pinned so answers keep their meaning.</summary>
public sealed record QuestionnaireRef(string Key, string Version);

/// <summary>
/// An audit round: one questionnaire version, answered by the participating institutions between
/// <see cref="OpensAt"/> and <see cref="ClosesAt"/> (UTC). <see cref="BaselineRoundId"/> names an earlier
/// round to compare with in trend reports. <see cref="ReferenceDate"/> is the reporting date (peildatum) the
/// questions refer to; null for rounds made before it was asked. <see cref="Cycle"/> names the audit cycle (e.g.
/// "2023") whose waves the national report to parliament combines; null for a round outside any cycle.
/// </summary>
public sealed record Round(
    string Id,
    string Title,
    QuestionnaireRef Questionnaire,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    DisclosureSettings Disclosure,
    RoundStatus Status = RoundStatus.Draft,
    string? BaselineRoundId = null,
    DateOnly? ReferenceDate = null,
    string? Cycle = null);

/// <summary>
/// Unvalidated input for creating or editing a round, as the API binds it. Every value may be missing so
/// that <see cref="RoundRules.Validate"/> can report them all; a missing <see cref="Disclosure"/> means
/// <see cref="DisclosureSettings.Default"/>. The status is not part of it: it changes only through
/// <see cref="RoundTransitions"/>.
/// </summary>
public sealed record RoundDraft(
    string? Id,
    string? Title,
    string? QuestionnaireKey,
    string? QuestionnaireVersion,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    string? BaselineRoundId = null,
    DisclosureSettings? Disclosure = null,
    DateOnly? ReferenceDate = null,
    string? Cycle = null);

/// <summary>
/// A change to a draft or open round; a null value leaves that field as it is. <see cref="ClosesAt"/> moves the
/// deadline (normally later, to extend it). <see cref="Cycle"/> moves the round into a cycle; an empty text takes it
/// out of any.
/// </summary>
public sealed record RoundChanges(string? Title, DateTimeOffset? ClosesAt, DateOnly? ReferenceDate, string? Cycle = null)
{
    public bool IsEmpty => Title is null && ClosesAt is null && ReferenceDate is null && Cycle is null;
}

/// <summary>An institution's participation in a round.</summary>
public sealed record Participation(string RoundId, string InstitutionId, ParticipationStatus Status = ParticipationStatus.Invited);
