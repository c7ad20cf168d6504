namespace Audit.Reports.Exports;

/// <summary>
/// One published figure of a sector view in long format: what it is about (level, theme, question, option or grid
/// cell), which statistic it is, and its value. A withheld figure has no value, <see cref="Suppressed"/> set and a
/// <see cref="Reason"/> (group_too_small, too_few_answers, threshold, dominance, secondary).
/// </summary>
/// <param name="Level">"sector", "theme" or "question".</param>
/// <param name="Statistic">See <see cref="SectorStatistics"/>.</param>
public sealed record SectorStatisticRow(
    string Level,
    string? Theme,
    string? Question,
    string? QuestionType,
    string Statistic,
    string? Option,
    string? Row,
    string? Column,
    decimal? Value,
    bool Suppressed,
    string? Reason);

/// <summary>The statistic names of the long format, and the levels.</summary>
public static class SectorStatistics
{
    public const string SectorLevel = "sector";
    public const string ThemeLevel = "theme";
    public const string QuestionLevel = "question";

    // sector
    public const string Included = "included";
    public const string Invited = "invited";
    public const string InProgress = "in_progress";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Accepted = "accepted";
    public const string ResponseRate = "response_rate";

    // themes and questions
    public const string N = "n";
    public const string Answered = "answered";
    public const string NotApplicable = "not_applicable";
    public const string Mean = "mean";
    public const string Median = "median";
    public const string Q1 = "q1";
    public const string Q3 = "q3";
    public const string Norm = "norm";
    public const string MeetsNormCount = "meets_norm_count";
    public const string MeetsNormPercent = "meets_norm_percent";

    // choice and maturity distributions (option = the level or option key)
    public const string Count = "count";
    public const string Percent = "percent";

    // grids
    public const string CellSum = "cell_sum";
    public const string RowTotal = "row_total";
    public const string ColumnTotal = "column_total";
    public const string Total = "total";

    // trend against the baseline round
    public const string BaselineMean = "baseline_mean";
    public const string BaselineMedian = "baseline_median";
    public const string BaselineMeetsNormPercent = "baseline_meets_norm_percent";
    public const string DeltaMean = "delta_mean";
    public const string DeltaMedian = "delta_median";
    public const string DeltaMeetsNormPercent = "delta_meets_norm_percent";
}
