using System.Diagnostics;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.SectorViews;
using Audit.Data.Bulk;
using Audit.Data.Connections;
using Audit.Data.Questionnaires;
using Audit.Data.Rounds;
using Audit.Data.SectorViews;
using Dapper;

namespace Audit.Data.Tests.Bulk;

/// <summary>The generator's bulk paths write what the repositories would read back, deterministically, on every engine.</summary>
public abstract class SyntheticRoundGeneratorContract : EngineTestBase
{
    private const int Institutions = 45;

    private static readonly Lazy<Questionnaire> Shipped = new(() =>
    {
        var loaded = QuestionnaireLoader.LoadYaml(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "questionnaires", "kennisveiligheid-2023.yaml")));
        Assert.IsTrue(loaded.IsValid, string.Join("; ", loaded.Errors));
        return loaded.Value!;
    });

    private async Task<GenerationResult> GenerateAsync(int seed, string roundId, int institutions = Institutions)
    {
        await new QuestionnaireRepository(Factory).InsertIfAbsentAsync(QuestionnaireJson.ToStored(Shipped.Value, Fixtures.Now),
            Fixtures.Change("questionnaire.seeded", "questionnaire", "kennisveiligheid/2023"));
        var watch = Stopwatch.StartNew();
        var result = await new SyntheticRoundGenerator(Factory).GenerateAsync(new GenerationRequest(institutions, seed, roundId), Shipped.Value);
        TestContext.WriteLine($"{Provider}: {result.Answers} answers in {watch.ElapsedMilliseconds} ms");
        return result;
    }

    private async Task<List<(string Institution, string Key, string Value)>> AnswersAsync(string roundId)
    {
        await using var connection = await Factory.OpenAsync();
        var rows = await connection.QueryAsync<(string, string, string)>(
            "SELECT p.institution_id, a.question_key, a.value_json FROM answers a JOIN participations p ON p.id = a.participation_id " +
            "WHERE p.round_id = @roundId ORDER BY p.institution_id, a.question_key", new { roundId });
        return rows.ToList();
    }

    [TestMethod]
    public async Task Every_institution_is_accepted_with_a_full_set_of_answers_spread_over_every_type()
    {
        var roundId = Fixtures.NewId("gen-");
        var result = await GenerateAsync(7, roundId);

        var questions = Shipped.Value.AllQuestions.Count();
        Assert.AreEqual(Institutions, result.Participations);
        Assert.AreEqual((long)Institutions * questions, result.Answers);
        Assert.HasCount(Enum.GetValues<InstitutionType>().Length, result.PerType);
        await using var connection = await Factory.OpenAsync();
        Assert.AreEqual(Institutions, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM participations WHERE round_id = @roundId AND status = 'accepted'", new { roundId }));
        Assert.AreEqual(result.Answers, (await AnswersAsync(roundId)).Count);
        Assert.AreEqual(result.PerType.Count, (await new SectorDirtyRepository(Factory).ListAsync()).Count(m => m.RoundId == roundId));
        // Read back through the repository: the bulk path wrote what the normal path reads.
        var (institutionId, type) = SyntheticRoundGenerator.InstitutionAt(0);
        var participation = await new ParticipationRepository(Factory).FindAsync(roundId, institutionId);
        Assert.AreEqual(Core.Rounds.ParticipationStatus.Accepted, participation?.Status);
        Assert.AreEqual(type, participation?.InstitutionType);
        Assert.AreEqual(new DateTimeOffset(2023, 1, 16, 8, 0, 0, TimeSpan.Zero), participation?.SubmittedAt);
    }

    [TestMethod]
    public async Task The_same_seed_gives_the_same_answers_and_another_seed_does_not()
    {
        var first = Fixtures.NewId("gen-");
        var second = Fixtures.NewId("gen-");
        var other = Fixtures.NewId("gen-");
        var a = await GenerateAsync(11, first);
        var b = await GenerateAsync(11, second);
        await GenerateAsync(12, other);

        Assert.AreEqual(0, b.InstitutionsCreated, "a second round reuses the generated institutions");
        Assert.AreEqual(a.InstitutionsCreated + a.InstitutionsReused, b.InstitutionsReused);
        Assert.AreSequenceEqual(await AnswersAsync(first), await AnswersAsync(second));
        Assert.AreNotEqual(string.Join("|", await AnswersAsync(first)), string.Join("|", await AnswersAsync(other)));
    }

    /// <summary>SHA-256 over "key US value RS" per answer in key order: the submission hash a fingerprint is built from.</summary>
    private static string ExpectedHash(IEnumerable<(string Key, string Value)> answers) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Concat(answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "\u001f" + a.Value + "\u001e")))));

    [TestMethod]
    public async Task The_reader_gives_each_participations_stored_answers_and_their_submission_hash()
    {
        var roundId = Fixtures.NewId("gen-");
        await GenerateAsync(5, roundId, 14);
        var stored = (await AnswersAsync(roundId)).ToLookup(a => a.Institution, a => (a.Key, a.Value));
        var reader = new IncludedAnswersReader(Factory);
        var seen = 0;

        await foreach (var participation in reader.StreamAsync(roundId, InstitutionType.Universiteit))
        {
            var expected = stored[participation.InstitutionId].ToList();
            Assert.AreEqual(ExpectedHash(expected), participation.SubmissionHash);
            Assert.HasCount(expected.Count, participation.Answers);
            foreach (var (key, value) in expected)
            {
                Assert.AreEqual(value, participation.Answers[key].GetRawText(), key);
            }
            Assert.AreEqual(1L, participation.Revision);
            seen++;
        }

        Assert.AreEqual(2, seen, "14 institutions spread over 7 types: 2 universities");
    }

    [TestMethod]
    public async Task The_reader_lists_revisions_and_streams_only_the_named_participations()
    {
        var roundId = Fixtures.NewId("gen-");
        await GenerateAsync(6, roundId, 21);
        var reader = new IncludedAnswersReader(Factory);
        var all = new Dictionary<string, string>();
        await foreach (var participation in reader.StreamAsync(roundId, InstitutionType.Hogeschool))
        {
            all[participation.ParticipationId] = participation.SubmissionHash;
        }
        var listed = await reader.ListIncludedAsync(roundId, InstitutionType.Hogeschool);
        var some = all.Keys.Order(StringComparer.Ordinal).Where((_, i) => i % 2 == 0).Append("not-a-participation").ToList();

        var streamed = new Dictionary<string, string>();
        await foreach (var participation in reader.StreamSomeAsync(roundId, InstitutionType.Hogeschool, some))
        {
            streamed[participation.ParticipationId] = participation.SubmissionHash;
        }

        Assert.AreSequenceEqual(all.Keys.Order(StringComparer.Ordinal).ToList(), listed.Select(p => p.ParticipationId).Order(StringComparer.Ordinal).ToList());
        Assert.IsTrue(listed.All(p => p.Revision == 1));
        Assert.AreSequenceEqual(some.SkipLast(1).ToList(), streamed.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.IsTrue(streamed.All(p => all[p.Key] == p.Value), "the same hash as in the full stream");
    }

    [TestMethod]
    public async Task Sector_views_are_computable_from_the_generated_round()
    {
        var roundId = Fixtures.NewId("gen-");
        var result = await GenerateAsync(3, roundId);
        var reader = new IncludedAnswersReader(Factory);
        var round = (await new RoundRepository(Factory).GetAsync(roundId))!.Round;

        foreach (var (type, count) in result.PerType)
        {
            var scope = new SectorViewScope(roundId, type.ToWireName(), await reader.CountResponsesAsync(roundId, type), Fixtures.Now);
            var builder = new SectorViewBuilder(Shipped.Value, round.Disclosure, scope);
            await foreach (var participation in reader.StreamAsync(roundId, type))
            {
                builder.Add(participation);
            }
            var view = builder.Build();
            Assert.AreEqual(count, view.Included, type.ToWireName());
            Assert.AreEqual(count, view.Response?.Accepted);
            Assert.IsNotEmpty(view.Questions);
        }
    }
}

[TestClass]
public sealed class SqliteSyntheticRoundGeneratorTests : SyntheticRoundGeneratorContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresSyntheticRoundGeneratorTests : SyntheticRoundGeneratorContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerSyntheticRoundGeneratorTests : SyntheticRoundGeneratorContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
