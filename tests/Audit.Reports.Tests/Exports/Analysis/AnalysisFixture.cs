using System.Text.Json;
using Audit.Core.Questionnaires;
using Audit.Reports.Exports.Analysis;

namespace Audit.Reports.Tests.Exports.Analysis;

/// <summary>A small fixed questionnaire with every question type, a visibility condition and "not applicable", and three participations.</summary>
internal static class AnalysisFixture
{
    public const string Yaml = """
        key: mini
        version: "1"
        title: {nl: Mini, en: Mini}
        language: nl
        themes:
          - key: gov
            title: {nl: Governance, en: Governance}
            questions:
              - key: gov.policy
                type: yes_no
                text: {nl: "Is er een beleid, met 'aanhalingstekens'?", en: "Is there a policy?"}
                allowNotApplicable: true
              - key: gov.maturity
                type: maturity
                text: {nl: Hoe volwassen is het beleid?, en: How mature is the policy?}
                allowNotApplicable: true
                levels:
                  0: {nl: Niet aanwezig, en: Not in place}
                  5: {nl: Geoptimaliseerd, en: Optimised}
              - key: gov.count
                type: number
                text: {nl: Hoeveel mensen?, en: How many people?}
                min: 0
              - key: gov.kind
                type: single_choice
                text: {nl: Welke vorm?, en: Which form?}
                options:
                  - {key: central, label: {nl: Centraal, en: Central}}
                  - {key: decentral, label: {nl: Decentraal, en: Decentralised}}
          - key: risk
            title: {nl: Risico, en: Risk}
            questions:
              - key: risk.done
                type: yes_no
                text: {nl: Is er een risicoanalyse?, en: Is there a risk analysis?}
              - key: risk.topics
                type: multi_choice
                text: {nl: Welke onderwerpen?, en: Which topics?}
                visibleWhen: {question: risk.done, equals: "yes"}
                options:
                  - {key: land, label: {nl: Land, en: Country}}
                  - {key: profile_of_the_partner_institution, label: {nl: Profiel, en: Profile}}
              - key: risk.outcomes
                type: grid
                text: {nl: Uitkomsten, en: Outcomes}
                rows:
                  - {key: cn, label: {nl: China, en: China}}
                columns:
                  - {key: ok, label: {nl: Goed, en: Fine}}
                  - {key: stop, label: {nl: Gestopt, en: Stopped}}
              - key: risk.note
                type: text
                text: {nl: Toelichting, en: Note}
        """;

    public static Questionnaire Questionnaire()
    {
        var result = QuestionnaireLoader.LoadYaml(Yaml);
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    public static AnalysisExport Export(params AnalysisRecord[] extra)
    {
        var questionnaire = Questionnaire();
        AnalysisRecord Record(string id, string institution, string json) => new("r2025", "p_" + id, institution, "Instelling " + id, "universiteit",
            "accepted", questionnaire, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!);
        return new AnalysisExport(
            [new AnalysisRound("r2025", "Ronde 2025", "mini", "1")], questionnaire,
            [
                Record("a", "uva", """{"gov.policy":"yes","gov.maturity":3,"gov.count":12.5,"gov.kind":"decentral","risk.done":"yes","risk.topics":["land"],"risk.outcomes":{"cn":{"ok":2}},"risk.note":"Eerste regel\nmet, komma en \"quote\""}"""),
                Record("b", "vu", """{"gov.policy":"not_applicable","gov.maturity":"not_applicable","gov.count":0,"gov.kind":"central","risk.done":"no","risk.topics":["land"]}"""),
                Record("c", "rug", "{}"),
                .. extra,
            ],
            new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero), "u_analyst", IncludesSubmitted: false);
    }
}
