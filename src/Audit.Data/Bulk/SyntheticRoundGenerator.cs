using System.Security.Cryptography;
using System.Text;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.Rounds;
using Audit.Core.Synthetic;
using Audit.Data.Rounds;
using Audit.Data.SectorViews;

namespace Audit.Data.Bulk;

public sealed record GenerationRequest(int Institutions, int Seed, string? RoundId = null)
{
    public string EffectiveRoundId => RoundId ?? $"gen-s{Seed}-n{Institutions}";
}

public sealed record GenerationResult(string RoundId, int InstitutionsCreated, int InstitutionsReused, long Participations, long Answers,
    IReadOnlyDictionary<InstitutionType, int> PerType);

/// <summary>
/// A round at scale for benchmarks and demos: N synthetic institutions spread over the types, every one accepted,
/// with a full set of valid answers (grids included). Every row, id and time is a function of (N, seed, round id),
/// so two runs give identical tables. Institutions <c>gen-&lt;type&gt;-&lt;n&gt;</c> are shared between generated rounds,
/// as real institutions take part in every round; only the missing ones are created.
/// </summary>
public sealed class SyntheticRoundGenerator(IDbConnectionFactory factory)
{
    public const string GeneratedBy = "generator";

    /// <summary>
    /// Twenty slots repeating: roughly the Dutch mix (many hogescholen, fewer universities, some of each institute
    /// kind), interleaved so that any prefix of N is spread over every type.
    /// </summary>
    private static readonly InstitutionType[] Pattern =
    [
        InstitutionType.Hogeschool, InstitutionType.Universiteit, InstitutionType.Hogeschool, InstitutionType.NwoInstituut,
        InstitutionType.Hogeschool, InstitutionType.KnawInstituut, InstitutionType.Umc, InstitutionType.Hogeschool,
        InstitutionType.To2Instituut, InstitutionType.Universiteit, InstitutionType.Overig, InstitutionType.Hogeschool,
        InstitutionType.NwoInstituut, InstitutionType.Hogeschool, InstitutionType.KnawInstituut, InstitutionType.Universiteit,
        InstitutionType.Umc, InstitutionType.Hogeschool, InstitutionType.To2Instituut, InstitutionType.Overig,
    ];

    private static readonly DateTimeOffset OpensAt = new(2023, 1, 16, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ClosesAt = new(2023, 4, 3, 17, 0, 0, TimeSpan.Zero);

    public static BulkTable InstitutionsTable { get; } = new("institutions",
    [
        new("id", BulkColumnKind.Text), new("name", BulkColumnKind.Text), new("type", BulkColumnKind.Text),
        new("city", BulkColumnKind.Text), new("active", BulkColumnKind.Boolean),
        new("created_at", BulkColumnKind.Timestamp), new("updated_at", BulkColumnKind.Timestamp),
    ]);

    public static BulkTable ParticipationsTable { get; } = new("participations",
    [
        new("id", BulkColumnKind.Text), new("round_id", BulkColumnKind.Text), new("institution_id", BulkColumnKind.Text),
        new("status", BulkColumnKind.Text), new("submitted_at", BulkColumnKind.Timestamp), new("accepted_at", BulkColumnKind.Timestamp),
        new("created_at", BulkColumnKind.Timestamp), new("updated_at", BulkColumnKind.Timestamp),
    ]);

    public static BulkTable AnswersTable { get; } = new("answers",
    [
        new("participation_id", BulkColumnKind.Text), new("question_key", BulkColumnKind.Text), new("value_json", BulkColumnKind.Text),
        new("prefilled", BulkColumnKind.Boolean), new("version", BulkColumnKind.Integer),
        new("updated_by", BulkColumnKind.Text), new("updated_at", BulkColumnKind.Timestamp),
    ]);

    /// <summary>The institution at position <paramref name="index"/> (0-based) of any generated round.</summary>
    public static (string Id, InstitutionType Type) InstitutionAt(int index)
    {
        var type = Pattern[index % Pattern.Length];
        var perType = Pattern.Take(index % Pattern.Length).Count(t => t == type) + (index / Pattern.Length * Pattern.Count(t => t == type));
        return ($"gen-{type.ToWireName()}-{perType + 1}", type);
    }

    /// <summary>Fits participations.id (32 characters) and is unique per round and institution.</summary>
    public static string ParticipationId(string roundId, string institutionId) =>
        "gp_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(roundId + "\u001f" + institutionId)))[..24];

    /// <summary>Each institution has its own stream, so its answers do not depend on how many came before.</summary>
    public static int AnswerSeed(int seed, int index) => unchecked((seed * 1_000_003) + index);

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, Questionnaire questionnaire, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Institutions, 1);
        var roundId = request.EffectiveRoundId;
        var writer = BulkWriters.For(factory);
        var round = new Round(roundId, $"Synthetische ronde ({request.Institutions} instellingen, seed {request.Seed})",
            new QuestionnaireRef(questionnaire.Key, questionnaire.Version), OpensAt, ClosesAt, DisclosureSettings.Default, RoundStatus.Closed);
        var outcome = await new RoundRepository(factory).InsertAsync(round,
            new Actor(GeneratedBy, "system").Did("round.generated", "round", roundId, OpensAt, $"{request.Institutions} institutions, seed {request.Seed}"),
            cancellationToken);
        if (outcome != RoundInsertOutcome.Inserted)
        {
            throw new InvalidOperationException(outcome == RoundInsertOutcome.IdTaken
                ? $"Round '{roundId}' exists already; choose another --round-id."
                : $"Cannot create round '{roundId}': {outcome}.");
        }

        var all = Enumerable.Range(0, request.Institutions).Select(InstitutionAt).ToList();
        var existing = await ExistingGeneratedInstitutionsAsync(cancellationToken);
        var missing = all.Select((institution, index) => (institution, index)).Where(x => !existing.Contains(x.institution.Id)).ToList();
        await writer.WriteAsync(InstitutionsTable, missing.Select(x => new object?[]
        {
            x.institution.Id, $"Synthetische {x.institution.Type.ToWireName()} {x.institution.Id[(x.institution.Id.LastIndexOf('-') + 1)..]}",
            x.institution.Type.ToWireName(), "Utrecht", true, OpensAt.UtcDateTime, OpensAt.UtcDateTime,
        }), cancellationToken);

        var participations = await writer.WriteAsync(ParticipationsTable, all.Select((institution, index) =>
        {
            var submitted = OpensAt.AddMinutes(index).UtcDateTime;
            return new object?[]
            {
                ParticipationId(roundId, institution.Id), roundId, institution.Id, ParticipationStatus.Accepted.ToWireName(),
                submitted, submitted.AddDays(7), OpensAt.UtcDateTime, submitted.AddDays(7),
            };
        }), cancellationToken);

        var answers = await writer.WriteAsync(AnswersTable, all.SelectMany((institution, index) =>
        {
            var participationId = ParticipationId(roundId, institution.Id);
            var at = OpensAt.AddMinutes(index).AddSeconds(-1).UtcDateTime;
            return new SyntheticAnswers(AnswerSeed(request.Seed, index)).For(questionnaire)
                .Select(a => new object?[] { participationId, a.QuestionKey, a.ValueJson, false, 1, GeneratedBy, at });
        }), cancellationToken);

        // The service's sweep then computes the views, exactly as after real accepts.
        var types = all.Select(i => i.Type).Distinct().ToList();
        await new SectorDirtyRepository(factory).MarkAsync(roundId, types, new Actor(GeneratedBy, "system"), ClosesAt, cancellationToken);

        return new GenerationResult(roundId, missing.Count, all.Count - missing.Count, participations, answers,
            all.GroupBy(i => i.Type).ToDictionary(g => g.Key, g => g.Count()));
    }

    private async Task<HashSet<string>> ExistingGeneratedInstitutionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM institutions WHERE id LIKE 'gen-%'", cancellationToken: cancellationToken));
        return ids.ToHashSet(StringComparer.Ordinal);
    }
}
