namespace Audit.Reports.Models;

// The view-model the report templates render. It is deliberately plain and independent of storage and of the
// Core sector view: a mapper fills it from the published (already suppressed) view, so a template can only show
// what it receives. Members appear snake_case in templates (Scriban's renamer): ResponseRate -> response_rate.
// Wire names (institution types, statuses, suppression reasons, question types) stay as in the API so the
// templates can look up their texts in the i18n files.

/// <summary>The round a report belongs to.</summary>
public sealed record ReportRound(
    string Id,
    string Title,
    string QuestionnaireKey,
    string QuestionnaireVersion,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    string? BaselineRoundId = null,
    string? BaselineRoundTitle = null);

/// <summary>Participations of one institution type by current status; <see cref="Invited"/> counts them all.</summary>
public sealed record ResponseSummary(int Invited, int InProgress, int Submitted, int Returned, int Accepted, decimal? ResponseRate);

/// <summary>The round's disclosure rules, so the method section can state them in words.</summary>
public sealed record DisclosureSummary(int MinGroupSize, int DominanceN, decimal DominanceK);

/// <summary>How many (and what percentage, 0–100) meet the norm.</summary>
public sealed record NormShare(int Count, decimal Percent);

/// <summary>Published quartiles of a score: a theme score over institutions, or a maturity/number question.</summary>
public sealed record ScoreStats(int N, decimal Mean, decimal Median, decimal Q1, decimal Q3);

/// <summary>
/// The published statistics of one institution type in one round. When <see cref="Suppressed"/> is true (group
/// too small) the published view has no numbers at all: <see cref="Included"/> and <see cref="Response"/> are
/// null and the themes and questions carry only their texts.
/// </summary>
public sealed record SectorReport(
    string InstitutionType,
    string Fingerprint,
    DateTimeOffset ComputedAt,
    int? Included,
    ResponseSummary? Response,
    DisclosureSummary Disclosure,
    bool Suppressed,
    string? SuppressedReason,
    IReadOnlyList<ThemeReport> Themes,
    IReadOnlyList<ValidatedThemeReport>? ValidatedThemes = null,
    IReadOnlyList<FollowUpThemeReport>? FollowUps = null);

/// <summary>A theme's statistics over the bureau's validated scores (self-assessed where none); null score when withheld.</summary>
public sealed record ValidatedThemeReport(string Key, string Title, int N, ScoreStats? Score, bool Suppressed);

/// <summary>Institutions per follow-up status of a baseline theme's recommendations; counts null when withheld.</summary>
public sealed record FollowUpThemeReport(
    string Key, string Title, int N, int? Implemented, int? InProgress, int? NotStarted, int? NotApplicable, bool Suppressed);

/// <summary>A theme: the sector's theme-score quartiles, the norm and how many meet it, and its questions.</summary>
public sealed record ThemeReport(
    string Key,
    string Title,
    string? Summary,
    decimal? Norm,
    ScoreStats? Score,
    NormShare? MeetsNorm,
    bool Suppressed,
    string? SuppressedReason,
    IReadOnlyList<QuestionReport> Questions,
    TrendReport? Trend = null)
{
    /// <summary>The language of <see cref="Title"/> when it is not the report's (a fallback to Dutch), else null.</summary>
    public string? TitleLang { get; init; }

    /// <summary>The bureau's approved conclusions for the sector on this theme (Markdown); <see cref="Summary"/> holds its findings.</summary>
    public string? Conclusions { get; init; }

    /// <summary>The bureau's approved recommendations to the sector on this theme (Markdown).</summary>
    public string? Recommendations { get; init; }

    /// <summary>Illustrations from the deep-dive, written anonymously by the analyst (Markdown); never a quoted note.</summary>
    public string? Illustrations { get; init; }
}

/// <summary>
/// One question's published statistics. <see cref="Type"/> is the wire name (maturity, yes_no, …). A suppressed
/// question has <see cref="Stats"/>, <see cref="MeetsNorm"/> and <see cref="Grid"/> null and an empty distribution.
/// </summary>
public sealed record QuestionReport(
    string Key,
    string Number,
    string Text,
    string Type,
    int Answered,
    int NotApplicable,
    bool Suppressed,
    string? SuppressedReason,
    ScoreStats? Stats,
    decimal? Norm,
    NormShare? MeetsNorm,
    IReadOnlyList<DistributionItem> Distribution,
    GridReport? Grid = null,
    TrendReport? Trend = null)
{
    /// <summary>The language of <see cref="Text"/> when it is not the report's (a fallback to Dutch), else null.</summary>
    public string? TextLang { get; init; }

    /// <summary>The part of the guidelines the question tests (<see cref="Question.Reference"/>), as written; the feedback report shows it.</summary>
    public string? Reference { get; init; }
}

/// <summary>
/// A count per option, in definition order, with its percentage (0–100) of <see cref="QuestionReport.Answered"/>.
/// Option keys: maturity levels "0".."5", yes_no "yes"/"no"/"not_applicable", choice option keys.
/// For multi_choice the percentage is the share of respondents choosing the option.
/// </summary>
public sealed record DistributionItem(string Option, string Label, int Count, decimal Percent);

/// <summary>A grid as a matrix in definition order; a suppressed value has a null sum and a reason.</summary>
public sealed record GridReport(
    IReadOnlyList<GridAxisItem> Columns,
    IReadOnlyList<GridRow> Rows,
    IReadOnlyList<GridValue> ColumnTotals,
    GridValue Total)
{
    /// <summary>Whether any value is withheld, so the table needs its "×" footnote.</summary>
    public bool HasSuppressed =>
        Total.Suppressed || ColumnTotals.Any(v => v.Suppressed) || Rows.Any(r => r.Total.Suppressed || r.Cells.Any(c => c.Suppressed));
}

public sealed record GridAxisItem(string Key, string Label);

public sealed record GridRow(string Key, string Label, IReadOnlyList<GridValue> Cells, GridValue Total);

public sealed record GridValue(decimal? Sum, bool Suppressed = false, string? Reason = null);

/// <summary>
/// The comparison with the baseline round. A side that is suppressed is null, and so is every delta that needs it.
/// The flags say which nulls are withheld (shown as "×") rather than absent (no norm, shown as "–").
/// </summary>
public sealed record TrendReport(
    decimal? BaselineMean,
    decimal? BaselineMedian,
    decimal? BaselineMeetsNormPercent,
    decimal? DeltaMean,
    decimal? DeltaMedian,
    decimal? DeltaMeetsNormPercent,
    bool BaselineWithheld = false,
    bool DeltaWithheld = false);

/// <summary>The sector report: one institution type's published view in one round.</summary>
public sealed record SectorReportDocument(ReportRound Round, SectorReport Sector);

/// <summary>The report to parliament: a cover summary, then every institution type as a chapter.</summary>
public sealed record ParliamentReport(ReportRound Round, IReadOnlyList<string> Summary, IReadOnlyList<SectorReport> Sectors)
{
    /// <summary>How many chapters have figures (the others were too small to publish).</summary>
    public int PublishedSectors => Sectors.Count(s => !s.Suppressed);
}
