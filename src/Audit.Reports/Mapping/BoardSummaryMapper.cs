using Audit.Reports.Models;

namespace Audit.Reports.Mapping;

/// <summary>
/// Builds the board conversation pack from the mapped feedback report, so the statistics are computed once, by
/// <see cref="FeedbackReportMapper"/>, from the published sector view; this mapper only selects and condenses.
/// </summary>
public static class BoardSummaryMapper
{
    public static BoardSummary Map(FeedbackReport feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var sector = feedback.Sector;
        var themes = feedback.Themes.Select(Theme).ToList();
        var written = feedback.Themes.Select((theme, order) => (theme, order, urgency: Urgency(theme)))
            .Where(x => !string.IsNullOrWhiteSpace(x.theme.Recommendation))
            .ToList();
        var chosen = written
            .OrderBy(x => x.urgency is null ? 1 : 0).ThenBy(x => x.urgency).ThenBy(x => x.order)
            .Take(BoardRecommendation.MaxCount)
            .OrderBy(x => x.order)
            .Select(x => Recommendation(x.theme))
            .ToList();
        return new BoardSummary(
            feedback.Round,
            feedback.Institution,
            sector.Fingerprint,
            sector.Suppressed,
            sector.Suppressed ? null : sector.Included,
            themes,
            chosen,
            written.Count - chosen.Count);
    }

    private static BoardTheme Theme(FeedbackTheme theme)
    {
        var sector = theme.Sector;
        var stats = sector.Suppressed ? null : sector.Score;
        var change = theme.OwnScore is { } own && theme.BaselineOwnScore is { } before ? own - before : (decimal?)null;
        return new BoardTheme(sector.Key, sector.Title, sector.TitleLang, sector.Suppressed || stats is null, theme.OwnScore, stats,
            sector.Norm, theme.BaselineOwnScore, change, Position(theme.OwnScore, stats));
    }

    private static string Position(decimal? own, ScoreStats? sector) => (own, sector) switch
    {
        (null, _) or (_, null) => BoardPositions.Unknown,
        ({ } o, { } s) when o > s.Q3 => BoardPositions.Above,
        ({ } o, { } s) when o < s.Q1 => BoardPositions.Below,
        _ => BoardPositions.Within,
    };

    /// <summary>
    /// How far the institution lags on a theme: its score minus the norm, or minus the sector median where the theme
    /// has no norm (or the sector's figures are withheld, the norm alone). Lower is more urgent; null when unknown.
    /// </summary>
    private static decimal? Urgency(FeedbackTheme theme)
    {
        if (theme.OwnScore is not { } own)
        {
            return null;
        }
        if (theme.Sector.Norm is { } norm)
        {
            return own - norm;
        }
        return !theme.Sector.Suppressed && theme.Sector.Score is { } score ? own - score.Median : null;
    }

    private static BoardRecommendation Recommendation(FeedbackTheme theme)
    {
        var text = theme.Recommendation!.Trim();
        var shortened = text.Length > BoardRecommendation.MaxLength;
        if (shortened)
        {
            var cut = text.LastIndexOfAny([' ', '\n', '\t'], BoardRecommendation.MaxLength);
            text = text[..(cut > BoardRecommendation.MaxLength / 2 ? cut : BoardRecommendation.MaxLength)].TrimEnd(' ', '\n', '\t', ',', ';', ':', '.') + "…";
        }
        return new BoardRecommendation(theme.Sector.Key, theme.Sector.Title, theme.Sector.TitleLang, text, shortened);
    }
}
