using System.Text.Json.Serialization;
using Audit.Core.Rounds;

namespace Audit.Core.SectorViews;

/// <summary>
/// Statistics of one institution type in one round: what the minister sends to parliament (published) or
/// what the bureau checks before that (internal). Stored as JSON (<see cref="SectorViewJson"/>) and read
/// back, so every type here must round-trip through System.Text.Json with web defaults.
/// </summary>
/// <remarks>
/// Figures: means, quantiles and deltas are rounded to 2 decimals and percentages to 1, a midpoint away from
/// zero, from exact fractions (see <see cref="Statistics.StatRounding"/>). In the internal view every value is
/// present and suppression is only flagged; <see cref="Disclosure.PublishedForm"/> derives the published view.
/// </remarks>
/// <param name="View"><see cref="SectorViewKinds.Internal"/> or <see cref="SectorViewKinds.Published"/>.</param>
/// <param name="ComputedAt">Supplied by the caller (Core has no clock); written as UTC.</param>
/// <param name="Fingerprint">"sha256:…" (<see cref="Statistics.InputFingerprint"/>) over every input: the included
/// submissions, the judged figures, the response counts, the baseline's fingerprint, the questionnaire version and the
/// disclosure rules. The same fingerprint means the same view.</param>
/// <param name="Response">Participations by current status; null in a published view withheld as a whole.</param>
/// <param name="Included">Institutions the statistics are computed from (accepted participations);
/// null in a published view withheld as a whole.</param>
/// <param name="Suppressed">The whole view is withheld (<c>group_too_small</c>).</param>
/// <param name="Trend">The comparison with the baseline round; null when the round has none.</param>
/// <param name="ValidatedThemes">The theme statistics over the bureau's validated scores, an institution without one
/// counting with its self-assessed score; absent when no included institution has a validated score.</param>
/// <param name="FollowUps">Per baseline theme, the follow-up statuses of the included institutions; absent when none stated one.</param>
public sealed record SectorView(
    string RoundId,
    string InstitutionType,
    QuestionnaireRef Questionnaire,
    string View,
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTimeOffset ComputedAt,
    string Fingerprint,
    ResponseBlock? Response,
    int? Included,
    bool Suppressed,
    string? Reason,
    IReadOnlyList<ThemeStatistics> Themes,
    IReadOnlyList<QuestionStatistics> Questions,
    TrendBlock? Trend,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ThemeStatistics>? ValidatedThemes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FollowUpCounts>? FollowUps = null);

public static class SectorViewKinds
{
    public const string Internal = "internal";
    public const string Published = "published";
}

/// <param name="ResponseRate">Accepted ÷ invited × 100, 1 decimal; null when nobody was invited.</param>
public sealed record ResponseBlock(int Invited, int InProgress, int Submitted, int Returned, int Accepted, decimal? ResponseRate);

/// <summary>Institutions meeting a norm; percent of those answered (or of n for themes), 1 decimal.</summary>
public sealed record NormCount(int Count, decimal? Percent);

/// <summary>A count per option. For multi_choice the percent is the share of respondents choosing it.</summary>
public sealed record OptionCount(string Option, int Count, decimal? Percent);

/// <param name="Norm">The theme's effective norm (declared, else highest maturity norm); null when none.</param>
/// <param name="N">Institutions with a theme score.</param>
public sealed record ThemeStatistics(
    string Key,
    decimal? Norm,
    int N,
    decimal? Mean,
    decimal? Median,
    decimal? Q1,
    decimal? Q3,
    NormCount? MeetsNorm,
    bool Suppressed,
    string? Reason);

/// <summary>
/// Statistics of one question. One record for all types: fields that do not apply to a type are null here and
/// left out of the JSON (<see cref="QuestionShape"/>); fields that apply but are suppressed are written as null.
/// <see cref="Answered"/> and <see cref="NotApplicable"/> are counts of institutions, not answer content,
/// and stay published when the statistics are suppressed: they say why.
/// </summary>
public sealed record QuestionStatistics
{
    public required string Key { get; init; }

    /// <summary>The wire name of the question type (maturity, yes_no, grid, …).</summary>
    public required string Type { get; init; }

    public int Answered { get; init; }

    public int NotApplicable { get; init; }

    public decimal? Mean { get; init; }

    public decimal? Median { get; init; }

    public decimal? Q1 { get; init; }

    public decimal? Q3 { get; init; }

    /// <summary>Internal view only (an extreme is one institution's own answer), so absent rather than null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Min { get; init; }

    /// <summary>Internal view only (an extreme is one institution's own answer), so absent rather than null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Max { get; init; }

    /// <summary>maturity (levels 0..5), yes_no, single_choice, multi_choice: every option, in definition order.</summary>
    public IReadOnlyList<OptionCount>? Distribution { get; init; }

    public NormCount? MeetsNorm { get; init; }

    public IReadOnlyList<GridCell>? Cells { get; init; }

    public IReadOnlyList<GridRowTotal>? RowTotals { get; init; }

    public IReadOnlyList<GridColumnTotal>? ColumnTotals { get; init; }

    public GridTotal? Total { get; init; }

    public bool Suppressed { get; init; }

    public string? Reason { get; init; }
}

// Grid figures. Contributors = institutions with a positive value in that cell or line. In the published
// view, Sum and Contributors are null when the figure is suppressed. A published figure keeps its
// contributor count: by the threshold rule it is 0 or at least k, so it only says "at least k
// institutions reported this", and contributor counts are not additive, so they do not help recover a
// hidden figure by subtraction.

public sealed record GridCell(string Row, string Column, long? Sum, int? Contributors, bool Suppressed, string? Reason);

public sealed record GridRowTotal(string Row, long? Sum, int? Contributors, bool Suppressed, string? Reason);

public sealed record GridColumnTotal(string Column, long? Sum, int? Contributors, bool Suppressed, string? Reason);

public sealed record GridTotal(long? Sum, int? Contributors, bool Suppressed, string? Reason);
