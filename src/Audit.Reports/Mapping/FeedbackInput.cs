using System.Text.Json;
using Audit.Core.Institutions;
using Audit.Core.Rounds;

namespace Audit.Reports.Mapping;

/// <summary>
/// Everything one feedback report (instellingsbeeld) is made of. <see cref="PublishedSector"/> must be the
/// PUBLISHED view of the institution's own type: the report goes to the institution, which may not see any figure
/// the ministry may not see.
/// </summary>
/// <param name="Answers">The institution's answers by question key, as canonical JSON values.</param>
public sealed record FeedbackInput(
    Round Round,
    Questionnaire Questionnaire,
    SectorView PublishedSector,
    FeedbackParticipant Participant,
    IReadOnlyDictionary<string, JsonElement> Answers)
{
    /// <summary>The respondent's comment per question key, if any.</summary>
    public IReadOnlyDictionary<string, string>? Comments { get; init; }

    /// <summary>The bureau's findings; null while it has written none.</summary>
    public BureauFindings? Findings { get; init; }

    /// <summary>The round's baseline round, for its title; optional.</summary>
    public Round? BaselineRound { get; init; }

    /// <summary>The institution's own accepted answers in the baseline round, for its own trend; optional.</summary>
    public BaselineAnswers? Baseline { get; init; }

    /// <summary>The bureau's validated score per theme key, with its justification; empty when it recorded none.</summary>
    public IReadOnlyDictionary<string, ValidatedThemeScore>? ValidatedScores { get; init; }

    /// <summary>The baseline round's recommendations to the institution and their stated follow-up; empty without a baseline.</summary>
    public IReadOnlyList<RecommendationFollowUpInput>? FollowUps { get; init; }
}

public sealed record ValidatedThemeScore(decimal Score, string Justification);

/// <param name="Status">implemented, in_progress, not_started or not_applicable; null while not stated.</param>
public sealed record RecommendationFollowUpInput(string ThemeKey, string Recommendation, string? Status, string? Reason);

/// <summary>The participation a feedback report is about.</summary>
public sealed record FeedbackParticipant(
    Institution Institution,
    ParticipationStatus Status,
    DateTimeOffset? SubmittedAt = null,
    DateTimeOffset? AcceptedAt = null);

/// <summary>
/// The auditing bureau's texts on one participation: a general summary and, per theme key, a finding and a
/// recommendation. Free text from people: the templates escape it like any other value.
/// </summary>
public sealed record BureauFindings(string? Summary, IReadOnlyDictionary<string, ThemeFinding> Themes)
{
    public static BureauFindings None { get; } = new(null, new Dictionary<string, ThemeFinding>());
}

public sealed record ThemeFinding(string? Finding, string? Recommendation);

/// <summary>The institution's answers in the baseline round, with the questionnaire version they answer.</summary>
public sealed record BaselineAnswers(Questionnaire Questionnaire, IReadOnlyDictionary<string, JsonElement> Answers);
