using Audit.Reports.Models;

namespace Audit.Reports.Mapping;

/// <summary>
/// The Leidraad-kaart (part 5 of the national report): every measure (a question with a norm) across all types,
/// ranked by the share of institutions that meet the norm, least implemented first, under a heading of the guideline.
/// Only published figures count: a type that withholds a measure adds nothing to its share.
/// </summary>
internal static class LeidraadGrouping
{
    /// <summary>The heading a measure is listed under.</summary>
    private sealed record Heading(string Key, string Title);

    /// <summary>
    /// THE place that decides the grouping: under the part of the guideline the question names (its
    /// <c>reference</c>) where it names one, otherwise under its theme.
    /// </summary>
    private static Heading HeadingOf(Theme theme, Question question) =>
        string.IsNullOrWhiteSpace(question.Reference) ? new(theme.Key, theme.Title) : new("ref:" + question.Reference, question.Reference);

    public static IReadOnlyList<LeidraadGroup> Map(IReadOnlyList<NationalWave> waves, IReadOnlyList<NationalChapter> chapters)
    {
        // Questions by key across the waves' questionnaires, first one wins: the waves of a cycle ask the same questionnaire.
        var measures = new List<(Heading Heading, Question Question)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wave in waves)
        {
            foreach (var theme in wave.Questionnaire.Themes)
            {
                foreach (var question in theme.Questions.Where(q => q.Norm is not null && seen.Add(q.Key)))
                {
                    measures.Add((HeadingOf(theme, question), question));
                }
            }
        }
        var reports = chapters.ToDictionary(
            c => c.Sector.InstitutionType,
            c => c.Sector.Themes.SelectMany(t => t.Questions).ToDictionary(q => q.Key, StringComparer.Ordinal),
            StringComparer.Ordinal);
        return measures
            .GroupBy(m => m.Heading)
            .Select(group => new LeidraadGroup(group.Key.Key, group.Key.Title,
                [.. group.Select(m => Measure(m.Question.Key, chapters, reports)).OfType<LeidraadMeasure>().OrderBy(Rank).ThenBy(m => m.Key, StringComparer.Ordinal)]))
            .Where(g => g.Measures.Count > 0)
            .OrderBy(g => Rank(g.Measures[0]))
            .ToList();
    }

    /// <summary>Least implemented first; a measure no type publishes comes last.</summary>
    private static decimal Rank(LeidraadMeasure measure) => measure.Percent ?? decimal.MaxValue;

    private static LeidraadMeasure? Measure(
        string key, IReadOnlyList<NationalChapter> chapters, Dictionary<string, Dictionary<string, QuestionReport>> reports)
    {
        QuestionReport? first = null;
        var cells = new List<LeidraadCell>();
        foreach (var chapter in chapters)
        {
            if (!reports[chapter.Sector.InstitutionType].TryGetValue(key, out var question))
            {
                continue;
            }
            first ??= question;
            var published = !question.Suppressed && question.MeetsNorm is not null;
            cells.Add(new LeidraadCell(chapter.Sector.InstitutionType, published ? question.MeetsNorm : null, published ? question.Answered : 0, !published));
        }
        if (first is null)
        {
            return null;
        }
        var meets = cells.Sum(c => c.MeetsNorm?.Count ?? 0);
        var answered = cells.Sum(c => c.Answered);
        decimal? percent = answered == 0 ? null : Math.Round(100m * meets / answered, 1, MidpointRounding.AwayFromZero);
        return new LeidraadMeasure(key, first.Text, meets, answered, percent, cells) { TextLang = first.TextLang };
    }
}
