namespace Audit.Reports.Models;

/// <summary>
/// The confidential feedback report (instellingsbeeld) of one participation: the institution's own answers and
/// theme scores next to its sector's published view, with the bureau's findings and recommendations.
/// </summary>
public sealed record FeedbackReport(
    ReportRound Round,
    InstitutionSummary Institution,
    string ParticipationStatus,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? AcceptedAt,
    SectorReport Sector,
    IReadOnlyList<FeedbackTheme> Themes,
    string? GeneralFinding = null);

public sealed record InstitutionSummary(string Id, string Name, string Type);

/// <summary>
/// One theme as the institution sees it: the sector's theme (<see cref="Sector"/>, possibly suppressed), its own
/// theme score and, where a baseline exists, its own score then; and the bureau's texts.
/// </summary>
public sealed record FeedbackTheme(
    ThemeReport Sector,
    decimal? OwnScore,
    decimal? BaselineOwnScore,
    string? Finding,
    string? Recommendation,
    IReadOnlyList<FeedbackQuestion> Questions,
    decimal? ValidatedScore = null,
    string? ValidationJustification = null,
    IReadOnlyList<FeedbackFollowUp>? FollowUps = null);

/// <summary>A recommendation of the baseline round on this theme and what the institution stated about it.</summary>
public sealed record FeedbackFollowUp(string Recommendation, string? Status, string? Reason);

/// <summary>One question: the sector's published statistics next to the institution's own answer (and its baseline answer).</summary>
public sealed record FeedbackQuestion(QuestionReport Sector, OwnAnswer Own, OwnAnswer? Baseline = null);

/// <summary>
/// The institution's answer to one question, ready to display. <see cref="State"/> is one of <see cref="AnswerStates"/>.
/// <see cref="OptionKeys"/> use the keys of <see cref="QuestionReport.Distribution"/> (maturity "0".."5", yes_no
/// "yes"/"no") so charts can mark the own answer; <see cref="OptionLabels"/> are their texts.
/// </summary>
public sealed record OwnAnswer(
    string State,
    decimal? Value = null,
    IReadOnlyList<string>? OptionKeys = null,
    IReadOnlyList<string>? OptionLabels = null,
    string? Text = null,
    GridReport? Grid = null,
    string? Comment = null)
{
    public IReadOnlyList<string> OptionKeys { get; init; } = OptionKeys ?? [];

    public IReadOnlyList<string> OptionLabels { get; init; } = OptionLabels ?? [];
}

/// <summary>The states of an own answer; the templates look up their texts by these names.</summary>
public static class AnswerStates
{
    public const string Answered = "answered";
    public const string NotApplicable = "not_applicable";
    public const string Unanswered = "unanswered";

    /// <summary>Hidden by an earlier answer (visibleWhen), so the question was never put to the institution.</summary>
    public const string NotAsked = "not_asked";
}
