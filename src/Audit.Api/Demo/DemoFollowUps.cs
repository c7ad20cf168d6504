using Audit.Core.AuditTrail;
using Audit.Core.FollowUps;
using Audit.Core.Paging;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Core.ValidatedScores;

namespace Audit.Api.Demo;

/// <summary>
/// Issue 20 in the demo: the bureau's findings with recommendations for the accepted 2023 universities, the follow-up
/// of those recommendations stated by the 2025 universities still working on their questionnaire, and validated scores
/// for the 2025 universities that submitted or were accepted. Each step only where nothing exists yet, so a second run
/// changes nothing. A submitted questionnaire refuses follow-ups by design, so the demo's submitted and accepted 2025
/// universities have none; the institution the demo respondent signs in for is not started and can fill them in.
/// </summary>
public sealed class DemoFollowUps(
    IParticipationRepository participations, IFindingsRepository findings, IFollowUpRepository followUps, IValidatedScoreRepository scores,
    DemoUsers people)
{
    /// <summary>The themes the 2023 findings recommend something on; the keys exist in both questionnaire versions.</summary>
    private static readonly (string Theme, string Finding, string Recommendation)[] Recommendations =
    [
        ("governance", "Kennisveiligheid is belegd bij het college van bestuur, maar de raad van toezicht wordt er niet periodiek over geïnformeerd.",
            "Neem kennisveiligheid op in de vaste rapportage aan de raad van toezicht."),
        ("risicoanalyse", "Risicoanalyses worden per samenwerking gemaakt, maar niet centraal vastgelegd.",
            "Leg elke risicoanalyse vast in één centraal register en evalueer de uitkomsten jaarlijks."),
        ("bewustzijn", "Bewustwording is er vooral bij de technische faculteiten.",
            "Breid de voorlichting uit naar de sociale wetenschappen en geesteswetenschappen."),
    ];

    private static readonly FollowUpStatus[] Statuses = [FollowUpStatus.Implemented, FollowUpStatus.InProgress, FollowUpStatus.NotStarted];

    public async Task SeedAsync(DateTimeOffset now, Actor bureau, CancellationToken cancellationToken)
    {
        var baseline = await ListAsync(DemoPlan.Universities2023, cancellationToken);
        foreach (var p in baseline.Where(p => p.Status == ParticipationStatus.Accepted))
        {
            if (await findings.GetAsync(p.Id, cancellationToken) is not null)
            {
                continue;
            }
            var themes = Recommendations.Select(r => new FindingsTheme(r.Theme, r.Finding, r.Recommendation));
            await findings.PutAsync(p.Id, ReviewTexts.ToStoredJson(themes), "De basis is op orde; de borging verdient aandacht.", null, bureau,
                (p.AcceptedAt ?? now).AddDays(7), cancellationToken);
        }
        var withRecommendations = baseline.Where(p => p.Status == ParticipationStatus.Accepted).Select(p => p.InstitutionId).ToHashSet(StringComparer.Ordinal);
        var current = await ListAsync(DemoPlan.Universities2025, cancellationToken);
        var n = 0;
        foreach (var p in current.Where(p => withRecommendations.Contains(p.InstitutionId)))
        {
            n++;
            // Only a questionnaire being worked on takes follow-ups (the edit gate); a returned one would move back to in progress.
            if (p.Status == ParticipationStatus.InProgress && (await followUps.ListAsync(p.Id, cancellationToken)).Count == 0)
            {
                var respondent = await people.ContactAsync(p, p.CreatedAt, cancellationToken);
                for (var i = 0; i < Recommendations.Length - 1; i++)
                {
                    var status = Statuses[(n + i) % Statuses.Length];
                    await followUps.SaveAsync(p.Id, new FollowUpWrite(Recommendations[i].Theme, status,
                        status == FollowUpStatus.InProgress ? "Het voorstel ligt bij het college van bestuur." : null, null), respondent, now.AddDays(-2), cancellationToken);
                }
            }
        }
        foreach (var p in current.Where(p => p.Status is ParticipationStatus.Submitted or ParticipationStatus.Accepted))
        {
            if ((await scores.ListAsync(p.Id, cancellationToken)).Count > 0)
            {
                continue;
            }
            // A bureau that validates a little below the self-assessment on governance and risk, as evidence often shows.
            var offset = p.InstitutionId.Length % 3;
            await scores.SaveAsync(p.Id, new ValidatedScoreWrite("governance", 2.5m + (offset * 0.5m), "Beleid aanwezig; de uitvoering is deels aangetoond.", null),
                bureau, now.AddDays(-1), cancellationToken);
            await scores.SaveAsync(p.Id, new ValidatedScoreWrite("risicoanalyse", 2.0m + (offset * 0.4m), "Risicoanalyses bestaan, maar niet voor elke samenwerking.", null),
                bureau, now.AddDays(-1), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<ParticipationRecord>> ListAsync(string roundId, CancellationToken cancellationToken) =>
        (await participations.ListByRoundAsync(roundId, new PageRequest(1, 500), cancellationToken)).Items;
}
