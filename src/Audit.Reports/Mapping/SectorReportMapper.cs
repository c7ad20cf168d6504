using Audit.Core.Rounds;
using Audit.Reports.Models;

namespace Audit.Reports.Mapping;

/// <summary>
/// Builds the sector report model from a PUBLISHED sector view and the questionnaire that gives it its texts.
/// The view carries no institution names or ids (only counts and a fingerprint hash), and neither does anything
/// this mapper adds, so the sector and parliament reports cannot name an institution.
/// </summary>
public static class SectorReportMapper
{
    /// <summary>The sector report of one institution type.</summary>
    /// <param name="baselineRound">The round's baseline round, for its title in trend sections; optional.</param>
    /// <param name="themeSummaries">The bureau's summary per theme key for this sector; optional.</param>
    public static SectorReportDocument Document(
        Round round,
        Questionnaire questionnaire,
        SectorView published,
        Round? baselineRound = null,
        IReadOnlyDictionary<string, string>? themeSummaries = null) =>
        new(ReportRounds.From(round, baselineRound), Map(round, questionnaire, published, themeSummaries));

    /// <summary>
    /// The sector part of any report. Every theme and question of the questionnaire is present, in definition
    /// order. When the view is withheld as a whole they carry only their texts, suppressed with the view's reason.
    /// </summary>
    public static SectorReport Map(
        Round round,
        Questionnaire questionnaire,
        SectorView published,
        IReadOnlyDictionary<string, string>? themeSummaries = null)
    {
        PublishedViews.Check(round, questionnaire, published, nameof(published));
        var themeReports = Themes(questionnaire, published, themeSummaries);
        var response = published.Response;
        return new SectorReport(
            published.InstitutionType,
            published.Fingerprint,
            published.ComputedAt,
            published.Included,
            response is null ? null : new ResponseSummary(response.Invited, response.InProgress, response.Submitted, response.Returned, response.Accepted, response.ResponseRate),
            ReportRounds.Disclosure(round.Disclosure),
            published.Suppressed,
            published.Reason,
            themeReports,
            published.ValidatedThemes?.Select(v => new ValidatedThemeReport(v.Key, TitleOf(questionnaire, v.Key), v.N,
                !v.Suppressed && v is { Mean: { } mean, Median: { } median, Q1: { } q1, Q3: { } q3 } ? new ScoreStats(v.N, mean, median, q1, q3) : null,
                v.Suppressed || v.Mean is null)).ToList(),
            published.FollowUps?.Select(f => new FollowUpThemeReport(f.ThemeKey, TitleOf(questionnaire, f.ThemeKey), f.N,
                f.Implemented, f.InProgress, f.NotStarted, f.NotApplicable, f.Suppressed)).ToList());
    }

    /// <summary>A theme's title; a baseline theme the current questionnaire lacks keeps its key.</summary>
    private static string TitleOf(Questionnaire questionnaire, string key) =>
        questionnaire.Themes.FirstOrDefault(t => t.Key == key)?.Title ?? key;

    /// <summary>Every theme of the questionnaire with its questions, from a view that passed <see cref="PublishedViews"/>.</summary>
    internal static IReadOnlyList<ThemeReport> Themes(
        Questionnaire questionnaire, SectorView published, IReadOnlyDictionary<string, string>? themeSummaries)
    {
        var themes = ThemeStatisticsByKey(questionnaire, published);
        var questions = QuestionStatisticsByKey(questionnaire, published);
        var themeTrends = published.Trend?.Themes.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var questionTrends = published.Trend?.Questions.ToDictionary(t => t.Key, StringComparer.Ordinal);
        return questionnaire.Themes.Select((theme, t) =>
        {
            var questionReports = theme.Questions.Select((question, q) => QuestionReports.Sector(
                questionnaire, question, $"{t + 1}.{q + 1}", questions?[question.Key], Trend(questionTrends, question.Key), published.Reason)).ToList();
            return ThemeReport(theme, themes?[theme.Key], Summary(themeSummaries, theme.Key), questionReports, Trend(themeTrends, theme.Key), published.Reason)
                with { TitleLang = QuestionReports.LangOf(questionnaire, theme.LocalizedTitle) };
        }).ToList();
    }

    private static ThemeReport ThemeReport(
        Theme theme, ThemeStatistics? stats, string? summary, IReadOnlyList<QuestionReport> questions, TrendReport? trend, string? viewReason)
    {
        if (stats is null)
        {
            // The whole view is withheld: the theme keeps its title and definition, nothing else.
            return new ThemeReport(theme.Key, theme.Title, summary, theme.EffectiveNorm, null, null, true, viewReason, questions, trend);
        }
        ScoreStats? score = !stats.Suppressed && stats is { Mean: { } mean, Median: { } median, Q1: { } q1, Q3: { } q3 }
            ? new ScoreStats(stats.N, mean, median, q1, q3)
            : null;
        // A theme without a score (no maturity answers) has nothing to plot, whatever its flag says.
        var suppressed = stats.Suppressed || score is null;
        return new ThemeReport(
            theme.Key,
            theme.Title,
            summary,
            stats.Norm ?? theme.EffectiveNorm,
            score,
            suppressed ? null : QuestionReports.Norm(stats.MeetsNorm),
            suppressed,
            suppressed ? stats.Reason ?? Core.Disclosure.SuppressionReasons.TooFewAnswers : null,
            questions,
            trend);
    }

    internal static TrendReport? Trend(Dictionary<string, TrendItem>? items, string key)
    {
        if (items is null || !items.TryGetValue(key, out var item))
        {
            return null;
        }
        return new TrendReport(
            item.Baseline.Mean,
            item.Baseline.Median,
            item.Baseline.MeetsNormPercent,
            item.Delta.Mean,
            item.Delta.Median,
            item.Delta.MeetsNormPercent,
            BaselineWithheld: item.SuppressedIn is TrendSides.Baseline or TrendSides.Both,
            DeltaWithheld: item.Suppressed);
    }

    private static string? Summary(IReadOnlyDictionary<string, string>? summaries, string themeKey) =>
        summaries is not null && summaries.TryGetValue(themeKey, out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <summary>The view's theme statistics by key; null when the view is withheld as a whole.</summary>
    private static Dictionary<string, ThemeStatistics>? ThemeStatisticsByKey(Questionnaire questionnaire, SectorView view)
    {
        if (view.Suppressed)
        {
            return null;
        }
        var byKey = view.Themes.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var missing = questionnaire.Themes.Select(t => t.Key).Where(k => !byKey.ContainsKey(k)).ToList();
        return missing.Count == 0
            ? byKey
            : throw new ArgumentException($"The sector view of {view.InstitutionType} lacks themes {string.Join(", ", missing)} of the questionnaire.", nameof(view));
    }

    /// <summary>The view's question statistics by key; null when the view is withheld as a whole.</summary>
    private static Dictionary<string, QuestionStatistics>? QuestionStatisticsByKey(Questionnaire questionnaire, SectorView view)
    {
        if (view.Suppressed)
        {
            return null;
        }
        var byKey = view.Questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        foreach (var question in questionnaire.AllQuestions)
        {
            if (!byKey.TryGetValue(question.Key, out var stats))
            {
                throw new ArgumentException($"The sector view of {view.InstitutionType} lacks question '{question.Key}'.", nameof(view));
            }
            if (stats.Type != question.Type.ToWireName())
            {
                throw new ArgumentException(
                    $"Question '{question.Key}' is {question.Type.ToWireName()} in the questionnaire but {stats.Type} in the sector view.", nameof(view));
            }
        }
        return byKey;
    }
}
