using System.Text.Json;
using Audit.Core.Questionnaires;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Core.Statistics;

namespace Audit.Core.Tests.SectorViews;

/// <summary>A small questionnaire with every question type, and helpers to feed answers as JSON.</summary>
internal static class SectorViewFixture
{
    public static readonly DateTimeOffset ComputedAt = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static Questionnaire Definition { get; } = new(
        "kennisveiligheid",
        "2025",
        "Kennisveiligheid",
        "nl",
        [
            new Theme("governance", "Governance", null,
            [
                new Question
                {
                    Key = "governance.maturity", Type = QuestionType.Maturity, Text = "Volwassenheid",
                    AllowNotApplicable = true, Norm = QuestionNorm.Minimum(3),
                },
                new Question
                {
                    Key = "governance.policy", Type = QuestionType.YesNo, Text = "Beleid?",
                    AllowNotApplicable = true, Norm = QuestionNorm.OneOf("yes"),
                },
                new Question
                {
                    Key = "governance.policy_maturity", Type = QuestionType.Maturity, Text = "Beleid volwassen",
                    Norm = QuestionNorm.Minimum(4), VisibleWhen = new VisibilityCondition("governance.policy", "yes"),
                },
            ]),
            new Theme("risk", "Risico's", null,
            [
                new Question { Key = "risk.maturity", Type = QuestionType.Maturity, Text = "Volwassenheid" },
                new Question
                {
                    Key = "risk.partners", Type = QuestionType.Number, Text = "Partners", Norm = QuestionNorm.Minimum(10),
                },
                new Question
                {
                    Key = "risk.screening", Type = QuestionType.SingleChoice, Text = "Screening",
                    Options = [new("none", "Geen"), new("partial", "Deels"), new("full", "Volledig")],
                    Norm = QuestionNorm.OneOf("full"),
                },
                new Question
                {
                    Key = "risk.countries", Type = QuestionType.MultiChoice, Text = "Landen",
                    Options = [new("cn", "China"), new("ru", "Rusland"), new("ir", "Iran")],
                },
                new Question
                {
                    Key = "risk.outcomes", Type = QuestionType.Grid, Text = "Uitkomsten",
                    Rows = [new("cn", "China"), new("ru", "Rusland")],
                    Columns = [new("approved", "Goedgekeurd"), new("declined", "Afgewezen")],
                },
                new Question { Key = "risk.notes", Type = QuestionType.Text, Text = "Toelichting" },
            ],
            Norm: 2.5m),
        ]);

    public static SectorViewScope Scope(ResponseCounts? response = null, string roundId = "2025-universiteiten") =>
        new(roundId, "universiteit", response ?? new ResponseCounts(7, 1, 0, 1, 5), ComputedAt);

    /// <summary>A participation whose answers are given as one JSON object, keyed by question.</summary>
    public static IncludedParticipation Participation(string id, string answersJson, string? hash = null) =>
        new(id, "inst-" + id, hash ?? "hash-" + id, Answers(answersJson));

    public static Dictionary<string, JsonElement> Answers(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    /// <summary>The internal view of the fixture questionnaire over the given participations.</summary>
    public static SectorView Compute(
        IEnumerable<IncludedParticipation> participations,
        DisclosureSettings? disclosure = null,
        SectorView? baseline = null,
        Questionnaire? questionnaire = null,
        SectorViewScope? scope = null) =>
        SectorViewBuilder.Compute(questionnaire ?? Definition, disclosure ?? DisclosureSettings.Default,
            scope ?? Scope(), participations, baseline);

    /// <summary>Participations answering only the given question, one per value (ids p01, p02, …).</summary>
    public static List<IncludedParticipation> OneQuestion(string questionKey, params string[] jsonValues) =>
        jsonValues.Select((value, i) => Participation($"p{i + 1:00}", $$"""{"{{questionKey}}": {{value}}}""")).ToList();

    public static QuestionStatistics Question(this SectorView view, string key) => view.Questions.Single(q => q.Key == key);

    public static ThemeStatistics Theme(this SectorView view, string key) => view.Themes.Single(t => t.Key == key);

    public static JsonElement ToJson(SectorView view)
    {
        using var document = JsonDocument.Parse(SectorViewJson.Serialize(view));
        return document.RootElement.Clone();
    }
}
