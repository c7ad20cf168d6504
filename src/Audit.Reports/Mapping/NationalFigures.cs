using Audit.Reports.Models;

namespace Audit.Reports.Mapping;

/// <summary>The national report's figures across types, all derived from the chapters' published sector reports.</summary>
internal static class NationalFigures
{
    /// <summary>Part 2: every theme (in questionnaire order, first wave first) × every type.</summary>
    public static IReadOnlyList<OverviewTheme> Overview(IReadOnlyList<NationalChapter> chapters)
    {
        var themes = new List<ThemeReport>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var theme in chapters.SelectMany(c => c.Sector.Themes).Where(t => seen.Add(t.Key)))
        {
            themes.Add(theme);
        }
        return themes.Select(theme => new OverviewTheme(theme.Key, theme.Title, theme.Norm,
            [.. chapters.Select(c => Cell(c.Sector, theme.Key))])).ToList();
    }

    private static OverviewCell Cell(SectorReport sector, string themeKey)
    {
        var theme = sector.Themes.FirstOrDefault(t => t.Key == themeKey);
        return theme is { Suppressed: false, Score: { } score }
            ? new OverviewCell(sector.InstitutionType, score, theme.MeetsNorm, false)
            : new OverviewCell(sector.InstitutionType, null, null, true);
    }

    /// <summary>
    /// Part 3: per type with a baseline, the change of every theme. The heading names the baselines by their common
    /// cycle when they share one, else by their titles.
    /// </summary>
    public static NationalDevelopment Development(IReadOnlyList<NationalChapter> chapters, IReadOnlyList<NationalWave> waves)
    {
        var sectors = chapters
            .Where(c => !c.Sector.Suppressed && c.Round.BaselineRoundId is not null)
            .Select(c => new DevelopmentSector(c.Sector.InstitutionType, c.Round.BaselineRoundTitle ?? c.Round.BaselineRoundId!,
                [.. c.Sector.Themes.Select(t => new DevelopmentTheme(t.Key, t.Title, t.Suppressed ? null : t.Score?.Median, t.Trend))]))
            .ToList();
        var baselines = waves.Where(w => w.BaselineRound is not null).Select(w => w.BaselineRound!).ToList();
        string? since = null;
        if (sectors.Count > 0)
        {
            var cycles = baselines.Select(b => b.Cycle).Distinct(StringComparer.Ordinal).ToList();
            since = cycles is [{ } cycle] && baselines.Count == waves.Count(w => w.Round.BaselineRoundId is not null)
                ? cycle
                : string.Join(", ", sectors.Select(s => s.BaselineTitle).Distinct(StringComparer.Ordinal));
        }
        return new NationalDevelopment(since, sectors);
    }

    /// <summary>What disclosure control withheld in one published sector report, in counts.</summary>
    public static WithheldCounts Withheld(SectorReport sector)
    {
        if (sector.Suppressed)
        {
            return new WithheldCounts(sector.Themes.Count, sector.Themes.Sum(t => t.Questions.Count), 0);
        }
        var questions = sector.Themes.SelectMany(t => t.Questions).ToList();
        var gridValues = questions.Where(q => q.Grid is not null).Sum(q =>
            q.Grid!.Rows.Sum(r => r.Cells.Count(c => c.Suppressed) + (r.Total.Suppressed ? 1 : 0))
            + q.Grid.ColumnTotals.Count(c => c.Suppressed) + (q.Grid.Total.Suppressed ? 1 : 0));
        return new WithheldCounts(
            sector.Themes.Count(t => t.Suppressed && t.Questions.Any(q => q.Type == "maturity")),
            questions.Count(q => q.Suppressed),
            gridValues);
    }
}
