using Audit.Core.SectorViews;

namespace Audit.Core.Disclosure;

/// <summary>
/// Turns the bureau's internal sector view into what the ministry and respondents may see. The published
/// form is computed and stored already suppressed, so nothing downstream (API, report template) can leak
/// a value it never receives.
/// </summary>
/// <remarks>
/// Removed: min and max everywhere; every value of a suppressed question or theme (counts of institutions,
/// <c>answered</c>, <c>notApplicable</c> and theme <c>n</c>, stay: they explain the suppression); the sum and
/// contributors of a suppressed grid figure; the baseline values and deltas the trend suppresses. A view
/// withheld as a whole keeps only what identifies it: no response counts, no themes, no questions, no trend. The
/// validated-score statistics follow the theme rule, and a follow-up theme stated by too few keeps only its n.
/// </remarks>
public static class PublishedForm
{
    public static SectorView Of(SectorView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Suppressed)
        {
            return view with
            {
                View = SectorViewKinds.Published,
                Response = null,
                Included = null,
                Themes = [],
                Questions = [],
                Trend = null,
                ValidatedThemes = null,
                FollowUps = null,
            };
        }
        return view with
        {
            View = SectorViewKinds.Published,
            Themes = view.Themes.Select(Theme).ToList(),
            Questions = view.Questions.Select(Question).ToList(),
            Trend = view.Trend is null ? null : Trend(view.Trend),
            ValidatedThemes = view.ValidatedThemes?.Select(Theme).ToList(),
            FollowUps = view.FollowUps?.Select(f => !f.Suppressed ? f : f with { Implemented = null, InProgress = null, NotStarted = null, NotApplicable = null }).ToList(),
        };
    }

    private static ThemeStatistics Theme(ThemeStatistics theme) =>
        !theme.Suppressed ? theme : theme with { Mean = null, Median = null, Q1 = null, Q3 = null, MeetsNorm = null };

    private static QuestionStatistics Question(QuestionStatistics question)
    {
        var published = question with { Min = null, Max = null };
        if (question.Suppressed)
        {
            return published with
            {
                Mean = null,
                Median = null,
                Q1 = null,
                Q3 = null,
                Distribution = null,
                MeetsNorm = null,
                Cells = null,
                RowTotals = null,
                ColumnTotals = null,
                Total = null,
            };
        }
        return published with
        {
            Cells = question.Cells?.Select(c => c.Suppressed ? c with { Sum = null, Contributors = null } : c).ToList(),
            RowTotals = question.RowTotals?.Select(r => r.Suppressed ? r with { Sum = null, Contributors = null } : r).ToList(),
            ColumnTotals = question.ColumnTotals?.Select(c => c.Suppressed ? c with { Sum = null, Contributors = null } : c).ToList(),
            Total = question.Total is { Suppressed: true } total ? total with { Sum = null, Contributors = null } : question.Total,
        };
    }

    private static TrendBlock Trend(TrendBlock trend) => trend with
    {
        Themes = trend.Themes.Select(TrendItem).ToList(),
        Questions = trend.Questions.Select(TrendItem).ToList(),
    };

    private static TrendItem TrendItem(TrendItem item) => item with
    {
        Baseline = item.SuppressedIn is TrendSides.Baseline or TrendSides.Both ? TrendValues.None : item.Baseline,
        Delta = item.Suppressed ? TrendValues.None : item.Delta,
    };
}
