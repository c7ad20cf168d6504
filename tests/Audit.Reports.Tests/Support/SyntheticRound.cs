using System.Text.Json;
using System.Text.Json.Nodes;
using Audit.Core.Answers;
using Audit.Core.Disclosure;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Core.Statistics;
using Audit.Reports.Mapping;

namespace Audit.Reports.Tests.Support;

/// <summary>
/// A whole round on the shipped 2023 questionnaire and the shipped registry: every institution answers every
/// question with valid, seeded random answers, and its free text names the institution (name and id), so a
/// test can prove that nothing of it reaches a sector report. Sector views are computed by the real
/// <see cref="SectorViewBuilder"/>. Only four TO2 institutes are accepted, so that sector is withheld as a whole.
/// </summary>
internal sealed class SyntheticRound
{
    public const string RoundId = "2023-kennisveiligheid";
    public const int AcceptedTo2Institutes = 4;

    private static readonly DateTimeOffset ComputedAt = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public SyntheticRound(Func<string, string>? user = null, int seed = 2023)
    {
        var text = user ?? (s => s);
        Questionnaire = Load();
        Institutions = InstitutionRegistry.Parse(File.ReadAllText(Path.Combine(TemplateFolders.Shipped, "registry", "institutions.csv")))
            .Institutions.Select(i => i with { Name = text(i.Name) }).ToList();
        Round = new Round(
            RoundId, "Audit kennisveiligheid 2023", new QuestionnaireRef(Questionnaire.Key, Questionnaire.Version),
            new DateTimeOffset(2023, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 6, 30, 0, 0, 0, TimeSpan.Zero),
            DisclosureSettings.Default, RoundStatus.Published);
        var random = new Random(seed);
        Answers = Institutions.ToDictionary(i => i.Id, i => (IReadOnlyDictionary<string, JsonElement>)Answer(Questionnaire, i, random, text), StringComparer.Ordinal);
        Comments = Institutions.ToDictionary(
            i => i.Id,
            i => (IReadOnlyDictionary<string, string>)Questionnaire.AllQuestions
                .Where((_, n) => n % 4 == 0)
                .ToDictionary(q => q.Key, q => text($"Toelichting van {i.Name} ({i.Id}) bij {q.Key}."), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public static Questionnaire Load()
    {
        var result = QuestionnaireLoader.LoadYaml(
            File.ReadAllText(Path.Combine(TemplateFolders.Shipped, "questionnaires", "kennisveiligheid-2023.yaml")));
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    public Questionnaire Questionnaire { get; }

    public Round Round { get; }

    public IReadOnlyList<Institution> Institutions { get; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>> Answers { get; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Comments { get; }

    /// <summary>The accepted institutions of one type: all of them, except only the first four TO2 institutes.</summary>
    public IReadOnlyList<Institution> Accepted(InstitutionType type)
    {
        var ofType = Institutions.Where(i => i.Type == type).ToList();
        return type == InstitutionType.To2Instituut ? ofType.Take(AcceptedTo2Institutes).ToList() : ofType;
    }

    public SectorView InternalView(InstitutionType type, SectorView? baseline = null)
    {
        var ofType = Institutions.Count(i => i.Type == type);
        var accepted = Accepted(type);
        var scope = new SectorViewScope(
            RoundId, type.ToWireName(), new ResponseCounts(ofType, ofType - accepted.Count, 0, 0, accepted.Count), ComputedAt);
        return SectorViewBuilder.Compute(
            Questionnaire, Round.Disclosure, scope,
            accepted.Select(i => new IncludedParticipation("p-" + i.Id, i.Id, "h-" + i.Id, Answers[i.Id])),
            baseline);
    }

    public SectorView PublishedView(InstitutionType type) => PublishedForm.Of(InternalView(type));

    /// <summary>The published views of every type that has institutions in the registry.</summary>
    public IReadOnlyList<SectorView> PublishedViews() =>
        Enum.GetValues<InstitutionType>().Where(t => Institutions.Any(i => i.Type == t)).Select(PublishedView).ToList();

    public Institution Institution(string id) => Institutions.Single(i => i.Id == id);

    /// <summary>Valid answers to every question (hidden ones too: the builder and the mapper must ignore those).</summary>
    private static Dictionary<string, JsonElement> Answer(Questionnaire questionnaire, Institution institution, Random random, Func<string, string> text)
    {
        var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var question in questionnaire.AllQuestions)
        {
            JsonNode node = question.Type switch
            {
                QuestionType.YesNo => random.Next(4) == 0 ? "no" : "yes",
                QuestionType.Maturity => random.Next(Question.MaturityMin, Question.MaturityMax + 1),
                QuestionType.Number => Number(question, random),
                QuestionType.SingleChoice => question.Options[random.Next(question.Options.Count)].Key,
                QuestionType.MultiChoice => new JsonArray(question.Options
                    .Where((_, n) => n == 0 || random.Next(2) == 0).Select(o => (JsonNode)o.Key).ToArray()),
                QuestionType.Grid => Grid(question, random),
                QuestionType.Text => text($"{institution.Name} ({institution.Id}) licht toe: {question.Key}."),
                _ => throw new InvalidOperationException(question.Type.ToString()),
            };
            var value = JsonSerializer.SerializeToElement(node);
            var errors = AnswerValidator.Validate(question, value);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(string.Join("; ", errors));
            }
            answers[question.Key] = value;
        }
        return answers;
    }

    private static JsonNode Number(Question question, Random random)
    {
        var max = question.Max ?? 250;
        var value = question.Integer ? random.Next(0, (int)max + 1) : Math.Round((decimal)random.NextDouble() * max, 1);
        return JsonValue.Create(value);
    }

    /// <summary>Sparse counts: many cells have few contributors, so the grid has threshold and secondary suppressions.</summary>
    private static JsonObject Grid(Question question, Random random)
    {
        var grid = new JsonObject();
        foreach (var row in question.Rows)
        {
            var cells = new JsonObject();
            foreach (var column in question.Columns)
            {
                var count = random.Next(5) switch { 0 or 1 => 0, 2 => 1, 3 => random.Next(2, 6), _ => random.Next(5, 40) };
                if (count > 0 || random.Next(2) == 0)
                {
                    cells[column.Key] = count;
                }
            }
            grid[row.Key] = cells;
        }
        return grid;
    }

    /// <summary>The feedback input of one institution, with the bureau's findings on every theme.</summary>
    public FeedbackInput Feedback(string institutionId, Func<string, string>? user = null)
    {
        var text = user ?? (s => s);
        var institution = Institution(institutionId);
        var findings = new BureauFindings(
            text($"{institution.Name} heeft de basis op orde."),
            Questionnaire.Themes.ToDictionary(
                t => t.Key,
                t => new ThemeFinding(text($"Bevinding over {t.Title}."), text($"Aanbeveling over {t.Title}.")),
                StringComparer.Ordinal));
        return new FeedbackInput(
            Round, Questionnaire, PublishedView(institution.Type),
            new FeedbackParticipant(institution, ParticipationStatus.Accepted, ComputedAt.AddDays(-30), ComputedAt.AddDays(-10)),
            Answers[institutionId])
        {
            Comments = Comments[institutionId],
            Findings = findings,
        };
    }
}
