using Audit.Reports.Models;

namespace Audit.Reports.Tests.Support;

/// <summary>The feedback report of one university against the sector of <see cref="ReportFixtures.Universities"/>.</summary>
internal static class FeedbackFixtures
{
    public static FeedbackReport Leiden(Func<string, string>? user = null)
    {
        var text = user ?? (s => s);
        var sector = new ReportFixtures(user);
        var governance = new FeedbackTheme(
            sector.Governance, 3.5m, 2.5m,
            text("Het college van bestuur heeft kennisveiligheid expliciet belegd; de rapportage aan de raad van toezicht is nog niet periodiek."),
            text("Leg de rapportage aan de raad van toezicht vast in de planning- en controlcyclus."),
            [
                new(sector.GovernanceMaturity,
                    new OwnAnswer("answered", Value: 4, OptionKeys: ["4"], OptionLabels: ["4 – getoetst"], Comment: text("Sinds 2025 jaarlijks getoetst door interne audit.")),
                    new OwnAnswer("answered", Value: 3, OptionKeys: ["3"], OptionLabels: ["3 – vastgelegd"])),
                new(sector.GovernanceContact, new OwnAnswer("answered", OptionKeys: ["yes"], OptionLabels: ["Ja"])),
                new(sector.GovernanceExplanation,
                    new OwnAnswer("answered", Text: text("De portefeuillehouder bespreekt elk kwartaal de casuïstiek.\nHet dossier ligt bij de afdeling Strategie & Beleid."))),
            ],
            ValidatedScore: 3.0m,
            ValidationJustification: text("De toetsing door interne audit is aangetoond; de rapportage aan de raad van toezicht nog niet."),
            FollowUps:
            [
                new FeedbackFollowUp(text("Wijs een portefeuillehouder kennisveiligheid aan in het college van bestuur."), "implemented", null),
                new FeedbackFollowUp(text("Richt een meldpunt voor studenten in."), "not_applicable", text("Opgegaan in het centrale Loket Integriteit.")),
            ]);
        var risk = new FeedbackTheme(
            sector.Risk, 2.0m, null, null, null,
            [
                new(sector.RiskScreening, new OwnAnswer("answered", OptionKeys: ["central"], OptionLabels: ["Centraal, door een toetsingscommissie"])),
                new(sector.RiskSources, new OwnAnswer("answered", OptionKeys: ["loket", "aivd"], OptionLabels: ["Loket Kennisveiligheid", "AIVD"])),
                new(sector.RiskOutcomes, new OwnAnswer("answered", Grid: new GridReport(
                    [new("approved", "Goedgekeurd"), new("conditions", "Met voorwaarden"), new("declined", "Afgewezen")],
                    [
                        new("cn", "China", [new(6), new(2), new(1)], new(9)),
                        new("ru", "Rusland", [new(0), new(0), new(0)], new(0)),
                        new("ir", "Iran", [new(0), new(1), new(0)], new(1)),
                    ],
                    [new(6), new(3), new(1)],
                    new(10)))),
                new(sector.RiskCapacity, new OwnAnswer("answered", Value: 2.4m)),
                new(sector.RiskExportControl, new OwnAnswer("not_applicable", Comment: text("Geen exportgevoelig onderzoek."))),
            ],
            FollowUps: [new FeedbackFollowUp(text("Voer jaarlijks een risicoanalyse uit."), null, null)]);
        return new FeedbackReport(
            sector.Round,
            new InstitutionSummary("leiden", text("Universiteit Leiden"), "universiteit"),
            "accepted",
            new DateTimeOffset(2026, 6, 12, 14, 5, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 7, 3, 9, 0, 0, TimeSpan.Zero),
            sector.Universities,
            [governance, risk],
            text("De universiteit heeft de basis op orde; de toetsing van samenwerkingen is centraal en navolgbaar."));
    }
}
