using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.Statistics;
using Audit.Reports.Models;

namespace Audit.Reports.Mapping;

/// <summary>
/// Builds the feedback report model: the institution's own answers and theme scores next to its sector's
/// PUBLISHED view, with the bureau's findings. The own answer carries the option keys the sector charts use, so
/// the charts mark it; the own theme score is marked on the sector's box plot.
/// </summary>
public static class FeedbackReportMapper
{
    public static FeedbackReport Map(FeedbackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Participant);
        ArgumentNullException.ThrowIfNull(input.Answers);
        ArgumentNullException.ThrowIfNull(input.PublishedSector);
        var institution = input.Participant.Institution;
        var type = institution.Type.ToWireName();
        if (input.PublishedSector.InstitutionType != type)
        {
            throw new ArgumentException(
                $"Institution '{institution.Id}' is a {type}; its feedback report compares it with its own sector, not with {input.PublishedSector.InstitutionType}.",
                nameof(input));
        }
        var findings = input.Findings ?? BureauFindings.None;
        var unknown = findings.Themes.Keys.Where(k => input.Questionnaire.Themes.All(t => t.Key != k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"The findings name themes the questionnaire lacks: {string.Join(", ", unknown)}.", nameof(input));
        }

        var sector = SectorReportMapper.Map(input.Round, input.Questionnaire, input.PublishedSector);
        var themes = input.Questionnaire.Themes.Select((theme, t) => Theme(input, theme, sector.Themes[t], findings)).ToList();
        return new FeedbackReport(
            ReportRounds.From(input.Round, input.BaselineRound),
            new InstitutionSummary(institution.Id, institution.Name, type),
            input.Participant.Status.ToWireName(),
            input.Participant.SubmittedAt,
            input.Participant.AcceptedAt,
            sector,
            themes,
            Text(findings.Summary));
    }

    private static FeedbackTheme Theme(FeedbackInput input, Theme theme, ThemeReport sectorTheme, BureauFindings findings)
    {
        var baseline = input.Baseline;
        var baselineTheme = baseline?.Questionnaire.Themes.FirstOrDefault(t => t.Key == theme.Key);
        var questions = theme.Questions.Select((question, q) => new FeedbackQuestion(
            sectorTheme.Questions[q],
            OwnAnswers.For(input.Questionnaire, question, input.Answers, Comment(input.Comments, question.Key)),
            BaselineAnswer(baseline, question))).ToList();
        findings.Themes.TryGetValue(theme.Key, out var finding);
        var validated = input.ValidatedScores?.GetValueOrDefault(theme.Key);
        var followUps = input.FollowUps?.Where(f => f.ThemeKey == theme.Key).Select(f => new FeedbackFollowUp(f.Recommendation, f.Status, Text(f.Reason))).ToList();
        return new FeedbackTheme(
            sectorTheme,
            Score(ThemeScores.For(input.Questionnaire, theme, input.Answers)),
            baselineTheme is null ? null : Score(ThemeScores.For(baseline!.Questionnaire, baselineTheme, baseline.Answers)),
            Text(finding?.Finding),
            Text(finding?.Recommendation),
            questions,
            validated?.Score,
            Text(validated?.Justification),
            followUps is { Count: > 0 } ? followUps : null);
    }

    /// <summary>The own answer in the baseline, for a question comparable with it (same key and type) that was answered then.</summary>
    private static OwnAnswer? BaselineAnswer(BaselineAnswers? baseline, Question question)
    {
        if (baseline?.Questionnaire.FindQuestion(question.Key) is not { } before || before.Type != question.Type
            || !baseline.Answers.ContainsKey(question.Key))
        {
            return null;
        }
        var answer = OwnAnswers.For(baseline.Questionnaire, before, baseline.Answers, comment: null);
        return answer.State == AnswerStates.Answered || answer.State == AnswerStates.NotApplicable ? answer : null;
    }

    /// <summary>A theme score as the sector's are published: 2 decimals.</summary>
    private static decimal? Score(decimal? score) => score is { } s ? StatRounding.Statistic(s) : null;

    private static string? Comment(IReadOnlyDictionary<string, string>? comments, string key) =>
        comments is not null && comments.TryGetValue(key, out var comment) ? comment : null;

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
