using Audit.Core.Rounds;

namespace Audit.Reports.Mapping;

/// <summary>
/// The gate every sector view passes before it becomes a report model: only the published (disclosure-controlled)
/// form of the round's own questionnaire is accepted. Reports go to the ministry, to parliament and to respondents,
/// none of whom may see an unsuppressed number, so a view that merely claims to be published is checked too.
/// </summary>
internal static class PublishedViews
{
    public static void Check(Round round, Questionnaire questionnaire, SectorView view, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(view, parameterName);
        if (questionnaire.Key != round.Questionnaire.Key || questionnaire.Version != round.Questionnaire.Version)
        {
            throw new ArgumentException(
                $"Round '{round.Id}' uses questionnaire {round.Questionnaire.Key} {round.Questionnaire.Version}, not {questionnaire.Key} {questionnaire.Version}.",
                nameof(questionnaire));
        }
        if (view.RoundId != round.Id || view.Questionnaire != round.Questionnaire)
        {
            throw new ArgumentException(
                $"The sector view of {view.InstitutionType} belongs to round '{view.RoundId}' ({view.Questionnaire.Key} {view.Questionnaire.Version}), not to round '{round.Id}'.",
                parameterName);
        }
        CheckPublished(view, parameterName);
    }

    /// <summary>The view is the published form and carries nothing the published form removes.</summary>
    public static void CheckPublished(SectorView view, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(view, parameterName);
        if (view.View != SectorViewKinds.Published)
        {
            throw new ArgumentException(
                $"Reports and exports are made from the published sector view only; got the '{view.View}' view of {view.InstitutionType}.", parameterName);
        }
        if (Leak(view) is { } leak)
        {
            throw new ArgumentException($"The sector view of {view.InstitutionType} is marked published but {leak}.", parameterName);
        }
    }

    /// <summary>What a published view may not carry (see <see cref="Core.Disclosure.PublishedForm"/>), or null.</summary>
    private static string? Leak(SectorView view)
    {
        if (view.Suppressed && (view.Response is not null || view.Included is not null || view.Themes.Count > 0 || view.Questions.Count > 0))
        {
            return "is withheld as a whole and still carries figures";
        }
        foreach (var theme in view.Themes)
        {
            if (theme.Suppressed && ((theme.Mean ?? theme.Median ?? theme.Q1 ?? theme.Q3) is not null || theme.MeetsNorm is not null))
            {
                return $"theme '{theme.Key}' is suppressed and still carries figures";
            }
        }
        foreach (var question in view.Questions)
        {
            if (question.Min is not null || question.Max is not null)
            {
                return $"question '{question.Key}' carries a minimum or maximum";
            }
            if (question.Suppressed && ((question.Mean ?? question.Median ?? question.Q1 ?? question.Q3) is not null
                || question.Distribution is not null || question.MeetsNorm is not null || question.Cells is not null
                || question.RowTotals is not null || question.ColumnTotals is not null || question.Total is not null))
            {
                return $"question '{question.Key}' is suppressed and still carries figures";
            }
            if (question.Cells?.Any(c => c.Suppressed && c.Sum is not null) == true
                || question.RowTotals?.Any(r => r.Suppressed && r.Sum is not null) == true
                || question.ColumnTotals?.Any(c => c.Suppressed && c.Sum is not null) == true
                || question.Total is { Suppressed: true, Sum: not null })
            {
                return $"grid '{question.Key}' shows a suppressed figure";
            }
        }
        foreach (var item in view.Trend?.Themes.Concat(view.Trend.Questions) ?? [])
        {
            if (item.Suppressed && HasValue(item.Delta))
            {
                return $"the trend of '{item.Key}' is suppressed and still carries a change";
            }
            if (item.SuppressedIn is TrendSides.Baseline or TrendSides.Both && HasValue(item.Baseline))
            {
                return $"the trend of '{item.Key}' shows baseline figures the baseline suppressed";
            }
        }
        return null;
    }

    private static bool HasValue(TrendValues values) => (values.Mean ?? values.Median ?? values.MeetsNormPercent) is not null;
}
