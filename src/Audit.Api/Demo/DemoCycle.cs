using Audit.Core.AuditTrail;
using Audit.Core.CycleFindings;

namespace Audit.Api.Demo;

/// <summary>
/// The demo's summary of the 2023 audit cycle, which opens the national report to parliament: written by the demo
/// analyst, approved by the second (four eyes), after the last wave was published. Example text in the terms of the
/// December 2022 letter to parliament; it describes the demo, not real institutions.
/// </summary>
public sealed class DemoCycle(ICycleFindingsRepository findings)
{
    public const string Cycle2023 = "2023";

    public const string Summary2023 =
        "In 2023 is de eerste externe audit kennisveiligheid uitgevoerd, zoals de minister van OCW in de voortgangsbrief van " +
        "december 2022 aan de Tweede Kamer heeft toegezegd. De audit verliep in drie golven: de universiteiten, de hogescholen en " +
        "de instituten van NWO en KNAW. Elke instelling vulde een zelfevaluatie in aan de hand van de Nationale Leidraad " +
        "Kennisveiligheid; het bureau beoordeelde de antwoorden met de onderbouwing. Bij een selectie van universiteiten is " +
        "daarnaast een kwalitatief verdiepend onderzoek gedaan, met interviews en documentstudies.\n\n" +
        "**Belangrijkste bevindingen**\n\n" +
        "- Bij vrijwel alle instellingen is kennisveiligheid belegd bij het bestuur en is er een aanspreekpunt. De basis is gelegd.\n" +
        "- De risicoanalyse bij internationale samenwerkingen is het minst ver ontwikkeld. Veel instellingen beoordelen " +
        "samenwerkingen per geval, zonder vaste werkwijze en zonder dat de afweging wordt vastgelegd.\n" +
        "- De borging blijft achter: beleid is vastgesteld, maar wordt zelden periodiek geëvalueerd of aan de raad van " +
        "toezicht gerapporteerd.\n\n" +
        "**Aanbevelingen aan de kennisinstellingen**\n\n" +
        "- Leg de risicoanalyse bij samenwerkingen vast in een vaste werkwijze, met een duidelijke route naar het bestuur.\n" +
        "- Rapporteer jaarlijks over kennisveiligheid aan de raad van toezicht.\n" +
        "- Deel goede voorbeelden binnen en tussen de sectoren, bijvoorbeeld via het Loket Kennisveiligheid.\n\n" +
        "De NWO-instituten staan in dit rapport niet als afzonderlijke sector: te weinig instituten hadden een beoordeelde " +
        "zelfevaluatie om uitkomsten te tonen die niet tot één instelling te herleiden zijn. De minister bespreekt de uitkomsten " +
        "met de besturen en de raden van toezicht van de instellingen. In 2025 wordt de audit herhaald; deze cyclus is daarvoor " +
        "de nulmeting.";

    /// <summary>Writes and approves the 2023 summary, unless an approved one is there already (a second run changes nothing).</summary>
    public async Task ApproveAsync(Actor author, Actor approver, DateTimeOffset publishedAt, CancellationToken cancellationToken)
    {
        var existing = await findings.GetAsync(Cycle2023, cancellationToken);
        if (existing is { IsApproved: true })
        {
            return;
        }
        var written = await findings.PutAsync(Cycle2023, Summary2023, existing?.Version, author, publishedAt.AddDays(3), cancellationToken);
        if (written.Findings is { } saved)
        {
            await findings.ApproveAsync(Cycle2023, saved.Version, approver, publishedAt.AddDays(4), cancellationToken);
        }
    }
}
