namespace Audit.Core.Tests.Questionnaires;

/// <summary>A small definition using every type, once as YAML and once as the same structure in JSON.</summary>
internal static class SampleDefinitions
{
    public const string Yaml = """
        key: kennisveiligheid
        version: "2023"
        title: Externe audit kennisveiligheid 2023
        themes:
          - key: governance
            title: Governance en organisatie
            description: Wie is verantwoordelijk?
            norm: 3
            questions:
              - key: governance.coordinator
                type: yes_no
                text: Heeft de instelling een kennisveiligheidscoördinator aangesteld?
                help: Een benoemde persoon.
                required: true
                norm: "yes"
              - key: governance.maturity
                type: maturity
                text: Hoe volwassen is de governance?
                levels: {0: Niet aanwezig, 1: Ad hoc, 2: Herhaalbaar, 3: Gedefinieerd}
                norm: 3
                allowNotApplicable: false
                required: true
              - key: governance.explanation
                type: text
                text: Waarom niet?
                required: true
                visibleWhen: {question: governance.coordinator, equals: "no"}
          - key: risk
            title: Risicoanalyse
            questions:
              - key: risk.partnerships_assessed
                type: number
                text: Hoeveel samenwerkingen zijn beoordeeld?
                min: 0
                integer: true
                unit: samenwerkingen
                norm: 1
              - key: risk.method
                type: single_choice
                text: Hoe is de risicoanalyse uitgevoerd?
                required: true
                options: [{key: none, label: Niet}, {key: ad_hoc, label: Ad hoc}, {key: systematic, label: Systematisch}]
                norm: [systematic]
              - key: risk.criteria
                type: multi_choice
                text: Welke criteria?
                options: [{key: area, label: Onderzoeksgebied}, {key: funding, label: Financiering}, {key: country, label: Land}]
                minSelected: 1
                norm: [area, country]
                visibleWhen: {question: risk.method, equals: systematic}
              - key: risk.outcomes
                type: grid
                text: Uitkomsten
                rows: [{key: cn, label: China}, {key: other, label: Overige landen}]
                columns: [{key: continued, label: Voortgezet}, {key: declined, label: Afgezien}]
        """;

    /// <summary>The same definition: other field order, explicit defaults, other number spellings.</summary>
    public const string Json = """
        {
          "title": "Externe audit kennisveiligheid 2023",
          "version": "2023",
          "key": "kennisveiligheid",
          "language": "nl",
          "themes": [
            { "questions": [
                { "type": "yes_no", "key": "governance.coordinator", "required": true, "norm": "yes",
                  "text": "Heeft de instelling een kennisveiligheidscoördinator aangesteld?", "help": "Een benoemde persoon." },
                { "key": "governance.maturity", "type": "maturity", "text": "Hoe volwassen is de governance?",
                  "levels": { "3": "Gedefinieerd", "0": "Niet aanwezig", "1": "Ad hoc", "2": "Herhaalbaar", "4": "4" },
                  "norm": 3.0, "required": true },
                { "key": "governance.explanation", "type": "text", "text": "Waarom niet?", "required": true, "maxLength": 4000,
                  "visibleWhen": { "equals": "no", "question": "governance.coordinator" } }
              ],
              "key": "governance", "title": "Governance en organisatie", "description": "Wie is verantwoordelijk?", "norm": 3.00 },
            { "key": "risk", "title": "Risicoanalyse", "questions": [
                { "key": "risk.partnerships_assessed", "type": "number", "text": "Hoeveel samenwerkingen zijn beoordeeld?",
                  "min": 0.0, "integer": true, "unit": "samenwerkingen", "norm": { "atLeast": 1 } },
                { "key": "risk.method", "type": "single_choice", "text": "Hoe is de risicoanalyse uitgevoerd?", "required": true,
                  "options": [ { "key": "none", "label": "Niet" }, { "key": "ad_hoc", "label": "Ad hoc" }, { "key": "systematic", "label": "Systematisch" } ],
                  "norm": [ "systematic" ] },
                { "key": "risk.criteria", "type": "multi_choice", "text": "Welke criteria?",
                  "options": [ { "key": "area", "label": "Onderzoeksgebied" }, { "key": "funding", "label": "Financiering" }, { "key": "country", "label": "Land" } ],
                  "minSelected": 1, "norm": [ "area", "country" ],
                  "visibleWhen": { "question": "risk.method", "equals": "systematic" } },
                { "key": "risk.outcomes", "type": "grid", "text": "Uitkomsten",
                  "rows": [ { "key": "cn", "label": "China" }, { "key": "other", "label": "Overige landen" } ],
                  "columns": [ { "key": "continued", "label": "Voortgezet" }, { "key": "declined", "label": "Afgezien" } ] }
            ] }
          ]
        }
        """;

    /// <summary>A one-theme definition around the given questions, each a YAML flow mapping on its own line.</summary>
    public static string WithQuestions(params string[] questions) => $"""
        key: test
        version: "1"
        title: Test
        themes:
          - key: t
            title: Thema
            questions:
        {string.Join("\n", questions.Select(q => "      - " + q))}
        """;
}
