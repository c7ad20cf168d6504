using Audit.Core.AuditTrail;
using Audit.Core.DeepDives;
using Audit.Core.Institutions;
using Audit.Core.Paging;
using Audit.Core.Rounds;
using Audit.Core.Time;

namespace Audit.Api.Demo;

/// <summary>
/// The demo's qualitative deep-dive in the 2023 universities round: three universities with an accepted self-assessment,
/// and per university one or two interviews or document studies in December 2023 and January 2024 (roles, never names;
/// notes coded with themes; notable practices), so the confidential deep-dive pages are not empty. Example text.
/// </summary>
public sealed class DemoDeepDive(IDeepDiveRepository deepDives, IParticipationRepository participations)
{
    private const string Type = "universiteit";

    /// <summary>Preferred, when accepted: a technical, a general and a northern university; else the first accepted ones.</summary>
    private static readonly string[] Preferred = ["tudelft", "uva", "rug"];

    private sealed record Visit(DateOnly On, DeepDiveKind Kind, string[] Roles, (string Text, string[] Themes)[] Notes, string? Practices);

    private static readonly Visit[][] Visits =
    [
        [
            new(new(2023, 12, 5), DeepDiveKind.Interview, ["lid college van bestuur", "coördinator kennisveiligheid"],
            [
                ("Het college bespreekt kennisveiligheid elk kwartaal. De coördinator rapporteert rechtstreeks aan het collegelid met de portefeuille onderzoek.", ["governance"]),
                ("Samenwerkingen met partners uit hoogrisicolanden worden vooraf getoetst door een adviesteam; de afweging wordt vastgelegd in een kort advies.", ["risicoanalyse", "partnerschappen"]),
            ],
            "Een vast adviesteam (juridische zaken, onderzoeksbeleid, informatiebeveiliging) dat binnen tien werkdagen adviseert over een voorgenomen samenwerking."),
            new(new(2023, 12, 12), DeepDiveKind.DocumentStudy, ["beleidsmedewerker onderzoek"],
            [
                ("Het beleid kennisveiligheid is in 2022 vastgesteld. Een evaluatie is gepland, maar nog niet uitgevoerd.", ["governance"]),
                ("De jaarlijkse rapportage aan de raad van toezicht noemt kennisveiligheid niet afzonderlijk.", ["governance"]),
            ],
            null),
        ],
        [
            new(new(2023, 12, 7), DeepDiveKind.Interview, ["decaan", "exportcontrolefunctionaris"],
            [
                ("Exportcontrole is belegd bij één functionaris voor de hele instelling. Faculteiten weten hem te vinden, maar een vaste toets bij de start van een project ontbreekt.", ["exportcontrole", "gevoelige_kennis"]),
                ("Gastonderzoekers uit hoogrisicolanden worden pas na aankomst besproken; een screening vooraf is in voorbereiding.", ["personeel"]),
            ],
            "Een korte checklist exportcontrole in het aanvraagformulier voor nieuwe onderzoeksprojecten, in gebruik bij één faculteit."),
        ],
        [
            new(new(2023, 12, 14), DeepDiveKind.DocumentStudy, ["directeur bedrijfsvoering"],
            [
                ("Toegang tot laboratoria met gevoelige apparatuur is per ruimte geregeld en wordt jaarlijks herzien.", ["beveiliging", "gevoelige_kennis"]),
                ("Voorlichting over kennisveiligheid zit in de introductie voor nieuwe promovendi, niet in die voor ander nieuw personeel.", ["bewustzijn", "personeel"]),
            ],
            "Een jaarlijkse herziening van de toegangsrechten tot laboratoria, gekoppeld aan de lijst van lopende projecten."),
            new(new(2024, 1, 9), DeepDiveKind.Interview, ["voorzitter college van bestuur", "secretaris raad van toezicht"],
            [
                ("De raad van toezicht vraagt sinds 2023 elk halfjaar om een stand van zaken kennisveiligheid.", ["governance"]),
            ],
            null),
        ],
    ];

    /// <summary>Selects and records, unless the round has a selection already (a second run changes nothing).</summary>
    public async Task SeedAsync(string roundId, Actor analyst, CancellationToken cancellationToken)
    {
        if (await deepDives.GetSelectionAsync(roundId, Type, cancellationToken) is not null)
        {
            return;
        }
        var accepted = (await participations.ListByRoundAsync(roundId, new PageRequest(1, PageRequest.MaxPageSize), cancellationToken)).Items
            .Where(p => p.InstitutionType == InstitutionType.Universiteit && p.Status == ParticipationStatus.Accepted)
            .Select(p => p.InstitutionId).Order(StringComparer.Ordinal).ToList();
        var chosen = Preferred.Where(accepted.Contains).Concat(accepted.Except(Preferred)).Take(Visits.Length).ToList();
        if (chosen.Count == 0)
        {
            return;
        }
        await deepDives.PutSelectionAsync(roundId, Type, chosen,
            "Drie universiteiten met een geaccepteerde zelfevaluatie, gespreid over de kwartielen van de gemiddelde themascore " +
            "(voorstel met seed 2023), zodat zowel instellingen die ver zijn als instellingen met een achterstand aan bod komen.",
            null, analyst, At(new DateOnly(2023, 12, 1)), cancellationToken);
        for (var i = 0; i < chosen.Count; i++)
        {
            var number = 0;
            foreach (var visit in Visits[i])
            {
                var record = new DeepDiveRecord($"dd_demo_{chosen[i]}_{++number}", roundId, Type, chosen[i], visit.Kind, visit.On, visit.Roles,
                    [.. visit.Notes.Select(n => new DeepDiveNote(n.Text, n.Themes))], visit.Practices, 1, analyst.Id ?? "", At(visit.On));
                await deepDives.AddRecordAsync(record, analyst, At(visit.On.AddDays(1)), cancellationToken);
            }
        }
    }

    private static DateTimeOffset At(DateOnly date) => AmsterdamTime.FromLocal(date.ToDateTime(new TimeOnly(16, 0)));
}
