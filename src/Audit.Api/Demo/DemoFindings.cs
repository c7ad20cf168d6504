using Audit.Application.Questionnaires;
using Audit.Core.AuditTrail;
using Audit.Core.Rounds;
using Audit.Core.SectorFindings;
using Audit.Core.SectorViews;

namespace Audit.Api.Demo;

/// <summary>
/// The demo's sector findings: for every sector of a published demo round shown with figures, a summary and per theme
/// findings, conclusions and recommendations, written by the demo analyst and approved by a second one (four eyes),
/// as publishing requires. Example text, not derived from the figures; the report to parliament leads with it.
/// </summary>
public sealed class DemoFindings(ISectorViewRepository views, ISectorFindingsRepository findings, QuestionnaireCatalog catalog)
{
    public async Task ApproveAsync(DemoRound demo, Actor author, Actor approver, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var questionnaire = (await catalog.GetAsync("kennisveiligheid", demo.Version, cancellationToken))!;
        var existing = (await findings.ListAsync(demo.Id, cancellationToken)).ToDictionary(f => f.InstitutionType, StringComparer.Ordinal);
        foreach (var view in await views.ListCurrentAsync(demo.Id, cancellationToken))
        {
            if (view.Suppressed || existing.GetValueOrDefault(view.InstitutionType) is { IsApproved: true })
            {
                continue;
            }
            var themes = questionnaire.Themes.Select(t => new SectorFindingsTheme(t.Key,
                $"De instellingen hebben **{t.Title.ToLowerInvariant()}** grotendeels ingericht; de uitvoering verschilt per instelling.",
                "- De basis is gelegd.\n- Borging in de reguliere planning-en-controlcyclus ontbreekt nog vaak.",
                "Leg vast wie eigenaar is en evalueer jaarlijks; deel goede voorbeelden binnen de sector.")).ToList();
            var written = await findings.PutAsync(demo.Id, view.InstitutionType, SectorFindingsTexts.ToStoredJson(questionnaire, themes),
                "De sector heeft de basis van kennisveiligheid op orde. Aandacht is nodig voor de borging en voor de risicoanalyse bij " +
                "samenwerkingen met hoogrisicolanden.",
                existing.GetValueOrDefault(view.InstitutionType)?.Version, author, at.AddDays(-2), cancellationToken);
            if (written.Findings is { } saved)
            {
                await findings.ApproveAsync(demo.Id, view.InstitutionType, saved.Version, approver, at.AddDays(-1), cancellationToken);
            }
        }
    }
}
