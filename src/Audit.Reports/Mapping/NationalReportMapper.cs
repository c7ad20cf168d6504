using Audit.Core.Institutions;
using Audit.Core.SectorFindings;
using Audit.Reports.Models;

namespace Audit.Reports.Mapping;

/// <summary>
/// Builds the national report to parliament from every published wave of one audit cycle. Each wave's sector views
/// pass the same gate as every report (<see cref="PublishedViews"/>); the bureau's texts are used only when approved
/// as they now are, so a draft, or a version changed after approval, cannot reach parliament. Names no institution.
/// </summary>
public static class NationalReportMapper
{
    public static NationalReport Map(NationalInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Waves.Count == 0)
        {
            throw new ArgumentException($"Cycle '{input.Cycle}' has no published wave to report on.", nameof(input));
        }
        var waves = input.Waves.OrderBy(w => w.Round.OpensAt).ThenBy(w => w.Round.Id, StringComparer.Ordinal).ToList();
        var chapters = new List<NationalChapter>();
        var appendix = new List<SectorReport>();
        var method = new List<MethodSector>();
        foreach (var wave in waves)
        {
            var round = ReportRounds.From(wave.Round, wave.BaselineRound);
            var approved = wave.Findings.Where(f => f.IsApproved).ToDictionary(f => f.InstitutionType, StringComparer.Ordinal);
            foreach (var view in wave.PublishedViews)
            {
                var plain = SectorReportMapper.Map(wave.Round, wave.Questionnaire, view);
                var findings = approved.GetValueOrDefault(view.InstitutionType);
                var sector = findings is null ? plain : ParliamentReportMapper.WithFindings(plain, SectorFindingsTexts.ThemesOf(findings));
                var grids = plain.Themes.SelectMany(t => t.Questions).Where(q => q.Type == "grid").ToList();
                chapters.Add(new NationalChapter(round, sector, Blank(findings?.Summary), grids));
                appendix.Add(plain);
                var deepDive = wave.DeepDives.FirstOrDefault(d => d.InstitutionType == view.InstitutionType);
                method.Add(new MethodSector(view.InstitutionType, wave.Round.Title, plain.Response, plain.Suppressed,
                    deepDive is null ? null : new DeepDiveSummary(deepDive.Selected, deepDive.Interviews, deepDive.DocumentStudies),
                    NationalFigures.Withheld(plain), plain.Fingerprint));
            }
        }
        var duplicate = chapters.GroupBy(c => c.Sector.InstitutionType, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two published rounds of cycle '{input.Cycle}' hold {duplicate.Key}.", nameof(input));
        }
        chapters = [.. chapters.OrderBy(c => TypeOrder(c.Sector.InstitutionType)).ThenBy(c => c.Sector.InstitutionType, StringComparer.Ordinal)];
        return new NationalReport(
            input.Cycle,
            [.. waves.Select(w => ReportRounds.From(w.Round, w.BaselineRound))],
            input.CycleSummary is { IsApproved: true } summary ? Blank(summary.Summary) : null,
            NationalFigures.Overview(chapters),
            NationalFigures.Development(chapters, waves),
            chapters,
            LeidraadGrouping.Map(waves, chapters),
            new NationalMethod(chapters[0].Sector.Disclosure, [.. method.OrderBy(m => TypeOrder(m.InstitutionType))]),
            [.. appendix.OrderBy(s => TypeOrder(s.InstitutionType))]);
    }

    internal static int TypeOrder(string type) => InstitutionTypes.TryParse(type, out var parsed) ? (int)parsed : int.MaxValue;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
