using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Reports.Models;

namespace Audit.Reports.Mapping;

/// <summary>
/// Builds the report to parliament from every institution type's PUBLISHED view of one round: one chapter per
/// type, in the registry's order of types (universities first). Like the sector report it names no institution.
/// </summary>
public static class ParliamentReportMapper
{
    /// <param name="summary">The cover summary's paragraphs, written by the ministry or the bureau; optional.</param>
    /// <param name="themeSummaries">Per institution type, the bureau's summary per theme key; optional.</param>
    /// <param name="findings">
    /// Per institution type, the bureau's APPROVED sector findings (the caller passes no other): per theme its findings,
    /// conclusions, recommendations and illustrations, in Markdown. They fill the themes' texts, over <paramref name="themeSummaries"/>.
    /// </param>
    public static ParliamentReport Map(
        Round round,
        Questionnaire questionnaire,
        IEnumerable<SectorView> publishedViews,
        Round? baselineRound = null,
        IReadOnlyList<string>? summary = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? themeSummaries = null,
        IReadOnlyDictionary<string, IReadOnlyList<Core.SectorFindings.SectorFindingsTheme>>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(publishedViews);
        var views = publishedViews.ToList();
        var duplicate = views.GroupBy(v => v.InstitutionType, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two sector views of {duplicate.Key} in one report.", nameof(publishedViews));
        }
        var sectors = views
            .OrderBy(v => InstitutionTypes.TryParse(v.InstitutionType, out var type) ? (int)type : int.MaxValue)
            .ThenBy(v => v.InstitutionType, StringComparer.Ordinal)
            .Select(v => SectorReportMapper.Map(round, questionnaire, v, themeSummaries?.GetValueOrDefault(v.InstitutionType)))
            .Select(s => findings?.GetValueOrDefault(s.InstitutionType) is { } texts ? WithFindings(s, texts) : s)
            .ToList();
        return new ParliamentReport(
            ReportRounds.From(round, baselineRound),
            summary?.Where(p => !string.IsNullOrWhiteSpace(p)).ToList() ?? [],
            sectors);
    }

    internal static SectorReport WithFindings(SectorReport sector, IReadOnlyList<Core.SectorFindings.SectorFindingsTheme> texts)
    {
        var byTheme = texts.Where(t => t.ThemeKey is not null).ToDictionary(t => t.ThemeKey!, StringComparer.Ordinal);
        return sector with
        {
            Themes = [.. sector.Themes.Select(theme => byTheme.GetValueOrDefault(theme.Key) is { } text
                ? theme with { Summary = text.Findings, Conclusions = text.Conclusions, Recommendations = text.Recommendations, Illustrations = text.Illustrations }
                : theme)],
        };
    }
}
