using System.Globalization;
using System.Text.Json.Nodes;

namespace Audit.Core.Synthetic;

/// <summary>
/// Plausible, valid answers for a whole questionnaire, deterministic for a seed: for demo mode, the data
/// generator and tests. Maturity clusters around level 3 (where most institutions are), yes dominates no.
/// </summary>
public sealed class SyntheticAnswers(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>One valid answer (canonical JSON) per question, in questionnaire order.</summary>
    public IReadOnlyList<(string QuestionKey, string ValueJson)> For(Questionnaire questionnaire) =>
        questionnaire.AllQuestions.Select(q => (q.Key, For(q).ToJsonString())).ToList();

    public JsonNode For(Question question) => question.Type switch
    {
        QuestionType.YesNo => JsonValue.Create(_random.NextDouble() < 0.75 ? "yes" : "no"),
        QuestionType.Maturity => JsonValue.Create(Maturity()),
        QuestionType.Number => JsonValue.Create(Number(question)),
        QuestionType.SingleChoice => JsonValue.Create(question.Options[_random.Next(question.Options.Count)].Key),
        QuestionType.MultiChoice => MultiChoice(question),
        QuestionType.Grid => Grid(question),
        QuestionType.Text => JsonValue.Create(string.Create(CultureInfo.InvariantCulture, $"Toelichting {_random.Next(1000)}: beleid is vastgesteld.")),
        _ => throw new ArgumentOutOfRangeException(nameof(question), question.Type, null),
    };

    private int Maturity()
    {
        // A rough bell around 3: the sum of two dice mapped onto 0..5.
        var roll = _random.Next(0, 6) + _random.Next(0, 6);
        return Math.Clamp(roll / 2, Question.MaturityMin, Question.MaturityMax);
    }

    private decimal Number(Question question)
    {
        var min = question.Min ?? 0;
        var max = question.Max ?? min + 60;
        var value = min + (decimal)_random.NextDouble() * (max - min);
        return question.Integer ? Math.Floor(value) : Math.Round(value, 1);
    }

    private JsonArray MultiChoice(Question question)
    {
        var min = Math.Max(1, question.MinSelected ?? 1);
        var max = Math.Min(question.Options.Count, question.MaxSelected ?? question.Options.Count);
        var count = _random.Next(min, max + 1);
        var chosen = question.Options.OrderBy(_ => _random.Next()).Take(count).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        // Keep definition order so equal choices serialise identically.
        var ordered = question.Options.Select(o => o.Key).Where(chosen.Contains);
        return new JsonArray(ordered.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray());
    }

    private JsonObject Grid(Question question)
    {
        var grid = new JsonObject();
        foreach (var row in question.Rows)
        {
            var cells = new JsonObject();
            foreach (var column in question.Columns)
            {
                cells[column.Key] = _random.NextDouble() < 0.5 ? 0 : _random.Next(1, 8);
            }
            grid[row.Key] = cells;
        }
        return grid;
    }

    /// <summary>Parses the canonical JSON of <see cref="For(Questionnaire)"/> into elements, for Core calls.</summary>
    public static IReadOnlyDictionary<string, JsonElement> AsElements(IEnumerable<(string QuestionKey, string ValueJson)> answers) =>
        answers.ToDictionary(a => a.QuestionKey, a => JsonDocument.Parse(a.ValueJson).RootElement.Clone(), StringComparer.Ordinal);
}
