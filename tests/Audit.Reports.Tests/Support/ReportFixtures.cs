using Audit.Reports.Models;

namespace Audit.Reports.Tests.Support;

/// <summary>
/// A small but complete data set for the three reports: every question type, a suppressed question, a grid
/// with withheld cells and totals, trends, and a suppressed sector. Text typed by people (institution names,
/// answers, comments, findings, titles) goes through <c>user</c>, so the XSS tests can swap in attacks.
/// </summary>
internal sealed class ReportFixtures(Func<string, string>? user = null)
{
    private readonly Func<string, string> user = user ?? (s => s);

    private static readonly DateTimeOffset Computed = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public ReportRound Round => new(
        "2026-kennisveiligheid", user("Audit kennisveiligheid 2026"), "kennisveiligheid", "2026",
        new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero),
        "2023-kennisveiligheid", "Audit kennisveiligheid 2023");

    public static DistributionItem[] Maturity(params int[] counts)
    {
        var total = counts.Sum();
        string[] labels = ["0 – afwezig", "1 – ad hoc", "2 – in ontwikkeling", "3 – vastgelegd", "4 – getoetst", "5 – lerend"];
        return [.. counts.Select((c, i) => new DistributionItem(i.ToString(System.Globalization.CultureInfo.InvariantCulture), labels[i], c, Percent(c, total)))];
    }

    public static decimal Percent(int count, int total) =>
        total == 0 ? 0 : Math.Round(100m * count / total, 1, MidpointRounding.AwayFromZero);

    public QuestionReport GovernanceMaturity => new(
        "governance.maturity", "1.1", "In hoeverre is kennisveiligheid belegd in het bestuur?", "maturity", 13, 1, false, null,
        new ScoreStats(13, 2.85m, 3, 2, 4), 3, new NormShare(9, 69.2m), Maturity(0, 1, 3, 4, 3, 2),
        Trend: new TrendReport(2.4m, 2, 46.2m, 0.45m, 1, 23.0m));

    public QuestionReport GovernanceContact => new(
        "governance.contact", "1.2", "Is er een aangewezen contactpersoon kennisveiligheid?", "yes_no", 14, 0, false, null,
        null, null, new NormShare(12, 85.7m),
        [new("yes", "Ja", 12, 85.7m), new("no", "Nee", 2, 14.3m)]);

    public QuestionReport GovernanceExplanation => new(
        "governance.explanation", "1.3", "Licht toe hoe het bestuur kennisveiligheid bewaakt.", "text", 12, 0, false, null,
        null, null, null, []);

    public QuestionReport RiskScreening => new(
        "risk.screening", "2.1", "Hoe worden voorgenomen samenwerkingen getoetst?", "single_choice", 14, 0, false, null,
        null, null, null,
        [new("central", "Centraal, door een toetsingscommissie", 8, 57.1m), new("faculty", "Per faculteit", 5, 35.7m), new("none", "Niet systematisch", 1, 7.1m)])
    {
        // Shown in the feedback report only, under the question.
        Reference = "Kamerbrief kennisveiligheid dec. 2022, Risicoanalyse",
    };

    public QuestionReport RiskSources => new(
        "risk.sources", "2.2", "Welke bronnen raadpleegt u bij de toetsing?", "multi_choice", 14, 0, false, null,
        null, null, null,
        [new("loket", "Loket Kennisveiligheid", 13, 92.9m), new("aivd", "AIVD", 6, 42.9m), new("ind", "IND", 3, 21.4m)]);

    public QuestionReport RiskOutcomes => new(
        "risk.outcomes", "2.3", "Hoeveel samenwerkingen zijn beoordeeld, per land en uitkomst?", "grid", 13, 0, false, null,
        null, null, null, [],
        new GridReport(
            [new("approved", "Goedgekeurd"), new("conditions", "Met voorwaarden"), new("declined", "Afgewezen")],
            [
                new("cn", "China", [new(48), new(21), new(null, true, "threshold")], new(81)),
                new("ru", "Rusland", [new(3), new(null, true, "threshold"), new(null, true, "secondary")], new(null, true, "secondary")),
                new("ir", "Iran", [new(0), new(2), new(5)], new(7)),
            ],
            [new(51), new(24), new(19)],
            new(94)));

    public QuestionReport RiskCapacity => new(
        "risk.capacity", "2.4", "Hoeveel fte is beschikbaar voor kennisveiligheid?", "number", 14, 0, false, null,
        new ScoreStats(14, 1.86m, 1.5m, 1, 2.5m), null, null, []);

    public QuestionReport RiskExportControl => new(
        "risk.export_control", "2.5", "In hoeverre is exportcontrole ingericht?", "maturity", 3, 11, true, "too_few_answers",
        null, 3, null, []);

    public ThemeReport Governance => new(
        "governance", "Bestuur en verantwoordelijkheid", user("Kennisveiligheid is bij de meeste universiteiten op bestuursniveau belegd."),
        3, new ScoreStats(13, 2.85m, 3, 2.5m, 3.25m), new NormShare(9, 69.2m), false, null,
        [GovernanceMaturity, GovernanceContact, GovernanceExplanation],
        new TrendReport(2.5m, 2.67m, 53.8m, 0.35m, 0.33m, 15.4m));

    public ThemeReport Risk => new(
        "risk", "Risicobeoordeling van samenwerkingen", null,
        null, new ScoreStats(13, 2.1m, 2, 1.5m, 2.75m), null, false, null,
        [RiskScreening, RiskSources, RiskOutcomes, RiskCapacity, RiskExportControl],
        new TrendReport(null, null, null, null, null, null, BaselineWithheld: true, DeltaWithheld: true));

    public SectorReport Universities => new(
        "universiteit", "sha256:5f1e0c3b9d7a4e2f8c6b1a0d9e8f7c6b5a4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b", Computed, 13,
        new ResponseSummary(14, 0, 1, 0, 13, 92.9m), new DisclosureSummary(5, 2, 85), false, null,
        [Governance, Risk]);

    /// <summary>Four accepted institutes: too few to publish anything, not even the response.</summary>
    public SectorReport To2Institutes => new(
        "to2_instituut", "sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", Computed, null,
        null, new DisclosureSummary(5, 2, 85), true, "group_too_small",
        [
            new ThemeReport("governance", "Bestuur en verantwoordelijkheid", null, 3, null, null, true, "group_too_small",
                [GovernanceMaturity with { Suppressed = true, SuppressedReason = "group_too_small", Stats = null, MeetsNorm = null, Distribution = [], Trend = null }]),
        ]);

    /// <summary>The sector report also shows the validated scores and the follow-up counts (issue 20); the risk follow-up is withheld.</summary>
    public SectorReportDocument SectorDocument => new(Round, Universities with
    {
        ValidatedThemes =
        [
            new ValidatedThemeReport("governance", Governance.Title, 13, new ScoreStats(13, 2.9m, 3.0m, 2.5m, 3.5m), false),
            new ValidatedThemeReport("risk", Risk.Title, 3, null, true),
        ],
        FollowUps =
        [
            new FollowUpThemeReport("governance", Governance.Title, 11, 6, 3, 1, 1, false),
            new FollowUpThemeReport("risk", Risk.Title, 2, null, null, null, null, true),
        ],
    });

    public ParliamentReport Parliament => new(
        Round,
        [user("Dit rapport beschrijft de stand van kennisveiligheid bij de Nederlandse kennisinstellingen in 2026."), "Per type instelling volgt een hoofdstuk met het gepubliceerde sectorbeeld."],
        [Universities, To2Institutes]);
}
