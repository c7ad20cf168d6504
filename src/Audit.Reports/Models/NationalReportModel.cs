namespace Audit.Reports.Models;

// The national report to parliament: every published round (wave) of one audit cycle in one document. Like the
// per-round report it is made of published (disclosure-controlled) sector views and approved texts only; the mapper
// receives nothing else, so the template can show nothing else.

/// <summary>The national report of one audit cycle, in the seven parts the template renders.</summary>
/// <param name="Rounds">The cycle's published rounds in the report, oldest opening first.</param>
/// <param name="Summary">The bureau's approved cycle summary (Markdown), or null: then the report says it follows.</param>
/// <param name="Chapters">One chapter per institution type, in the registry's order of types.</param>
/// <param name="Appendix">Per type the per-question statistics, without the bureau's texts (those are in the chapter).</param>
public sealed record NationalReport(
    string Cycle,
    IReadOnlyList<ReportRound> Rounds,
    string? Summary,
    IReadOnlyList<OverviewTheme> Overview,
    NationalDevelopment Development,
    IReadOnlyList<NationalChapter> Chapters,
    IReadOnlyList<LeidraadGroup> Leidraad,
    NationalMethod Method,
    IReadOnlyList<SectorReport> Appendix)
{
    public DateTimeOffset OpensAt => Rounds.Min(r => r.OpensAt);

    public DateTimeOffset ClosesAt => Rounds.Max(r => r.ClosesAt);

    /// <summary>How many types have figures (the others were too small to publish).</summary>
    public int PublishedSectors => Chapters.Count(c => !c.Sector.Suppressed);
}

/// <summary>One theme of the overview: per institution type its published quartiles, or withheld.</summary>
public sealed record OverviewTheme(string Key, string Title, decimal? Norm, IReadOnlyList<OverviewCell> Types);

/// <summary>A theme in one type: <see cref="Score"/> is null when it is withheld (<see cref="Suppressed"/>).</summary>
public sealed record OverviewCell(string InstitutionType, ScoreStats? Score, NormShare? MeetsNorm, bool Suppressed);

/// <summary>
/// Part 3: the change since each wave's baseline round. <see cref="Since"/> names the baselines: their common cycle
/// when they share one, else their titles. Null when no wave has a baseline (the first measurement).
/// </summary>
public sealed record NationalDevelopment(string? Since, IReadOnlyList<DevelopmentSector> Sectors);

/// <summary>One type's change since its round's baseline, per theme.</summary>
public sealed record DevelopmentSector(string InstitutionType, string BaselineTitle, IReadOnlyList<DevelopmentTheme> Themes);

/// <summary>A theme's change; <see cref="CurrentMedian"/> is null when this round withholds the theme.</summary>
public sealed record DevelopmentTheme(string Key, string Title, decimal? CurrentMedian, TrendReport? Trend);

/// <summary>
/// Part 4: one institution type. <see cref="Sector"/> carries the bureau's approved findings per theme;
/// <see cref="Summary"/> is the approved sector summary; <see cref="Grids"/> the risk-analysis outcomes (countries ×
/// decisions) that the motion Van der Woude/Van der Molen asked for.
/// </summary>
public sealed record NationalChapter(ReportRound Round, SectorReport Sector, string? Summary, IReadOnlyList<QuestionReport> Grids);

/// <summary>
/// Part 5: measures (questions with a norm) under one heading of the guideline, least implemented first. Today the
/// heading is the theme; see <c>LeidraadGrouping</c> for where a Leidraad paragraph takes over.
/// </summary>
public sealed record LeidraadGroup(string Key, string Title, IReadOnlyList<LeidraadMeasure> Measures);

/// <summary>
/// One measure across every type: <see cref="Percent"/> is meets / answered over the types whose figures are
/// published, null when none are.
/// </summary>
public sealed record LeidraadMeasure(string Key, string Text, int Meets, int Answered, decimal? Percent, IReadOnlyList<LeidraadCell> Types)
{
    public string? TextLang { get; init; }
}

/// <summary>A measure in one type: the published share, or withheld.</summary>
public sealed record LeidraadCell(string InstitutionType, NormShare? MeetsNorm, int Answered, bool Suppressed);

/// <summary>Part 6: how the figures were made, per type.</summary>
public sealed record NationalMethod(DisclosureSummary Disclosure, IReadOnlyList<MethodSector> Sectors)
{
    public int DeepDiveTotal => Sectors.Sum(s => s.DeepDive?.Selected ?? 0);
}

/// <summary>One type: its round, response, deep-dive counts, what disclosure control withheld, and its fingerprint.</summary>
public sealed record MethodSector(
    string InstitutionType,
    string RoundTitle,
    ResponseSummary? Response,
    bool Suppressed,
    DeepDiveSummary? DeepDive,
    WithheldCounts Withheld,
    string Fingerprint);

/// <summary>How many institutions of a type were in the deep-dive, and how many interviews and document studies.</summary>
public sealed record DeepDiveSummary(int Selected, int Interviews, int DocumentStudies);

/// <summary>What disclosure control withheld in one type: themes, questions and grid values (cells and totals).</summary>
public sealed record WithheldCounts(int Themes, int Questions, int GridValues);
