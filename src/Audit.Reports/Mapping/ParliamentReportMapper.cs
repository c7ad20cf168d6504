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
    public static ParliamentReport Map(
        Round round,
        Questionnaire questionnaire,
        IEnumerable<SectorView> publishedViews,
        Round? baselineRound = null,
        IReadOnlyList<string>? summary = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? themeSummaries = null)
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
            .ToList();
        return new ParliamentReport(
            ReportRounds.From(round, baselineRound),
            summary?.Where(p => !string.IsNullOrWhiteSpace(p)).ToList() ?? [],
            sectors);
    }
}
