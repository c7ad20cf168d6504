namespace Audit.Reports.Models;

/// <summary>
/// The board conversation pack: a two-page summary of one participation's feedback report for the minister's talks
/// with the institution's board (college van bestuur) and supervisory board (raad van toezicht). Made from the
/// <see cref="FeedbackReport"/> alone, so every figure in it is one the feedback report shows: the institution's own
/// scores and its sector's PUBLISHED quartiles, never another institution's data.
/// </summary>
/// <param name="InstitutionType">The sector the institution is compared with (its own type).</param>
/// <param name="SectorFingerprint">The fingerprint of the published sector view the figures come from.</param>
/// <param name="SectorSuppressed">The sector was too small to publish: the summary shows own scores only.</param>
/// <param name="Included">How many institutions the sector figures are over; null when suppressed.</param>
/// <param name="Recommendations">The bureau's top recommendations, at most <see cref="BoardRecommendation.MaxCount"/>, in theme order.</param>
/// <param name="RecommendationsLeftOut">How many further recommendations only the full feedback report holds.</param>
public sealed record BoardSummary(
    ReportRound Round,
    InstitutionSummary Institution,
    string SectorFingerprint,
    bool SectorSuppressed,
    int? Included,
    IReadOnlyList<BoardTheme> Themes,
    IReadOnlyList<BoardRecommendation> Recommendations,
    int RecommendationsLeftOut)
{
    /// <summary>Whether any theme has a norm; the table and the chart legend show the column only then.</summary>
    public bool HasNorm => Themes.Any(t => t.Norm is not null);

    /// <summary>Whether any theme has an own score in the baseline round, so the trend column has something to show.</summary>
    public bool HasTrend => Themes.Any(t => t.BaselineOwnScore is not null);

    /// <summary>Whether a theme's sector figures are withheld in a published sector, so the table explains the mark.</summary>
    public bool HasWithheld => !SectorSuppressed && Themes.Any(t => t.Suppressed);

    /// <summary>Whether a recommendation was cut, so the summary says once where the full texts are.</summary>
    public bool AnyShortened => Recommendations.Any(r => r.Shortened);
}

/// <summary>
/// One theme's line: the own score, the sector's published quartiles (null when withheld) and norm, the own score in
/// the baseline round and the change since. <see cref="Position"/> is one of <see cref="BoardPositions"/>.
/// </summary>
public sealed record BoardTheme(
    string Key,
    string Title,
    string? TitleLang,
    bool Suppressed,
    decimal? OwnScore,
    ScoreStats? Sector,
    decimal? Norm,
    decimal? BaselineOwnScore,
    decimal? Change,
    string Position);

/// <summary>
/// A recommendation of the bureau to the institution on one theme, as written (plain text, escaped by the template).
/// <see cref="Shortened"/> says the text was cut at a word to keep the summary to two pages; the full text is in
/// the feedback report.
/// </summary>
public sealed record BoardRecommendation(string ThemeKey, string ThemeTitle, string? ThemeTitleLang, string Text, bool Shortened)
{
    /// <summary>At most this many recommendations: a board conversation has room for a handful, not a list.</summary>
    public const int MaxCount = 5;

    /// <summary>The longest text shown, in characters; longer ones are cut at a word and marked.</summary>
    public const int MaxLength = 280;
}

/// <summary>Where the own theme score lies relative to the sector's middle half; the template names these.</summary>
public static class BoardPositions
{
    public const string Above = "above";
    public const string Within = "within";
    public const string Below = "below";

    /// <summary>No own score, or the sector's figures are withheld.</summary>
    public const string Unknown = "unknown";
}
