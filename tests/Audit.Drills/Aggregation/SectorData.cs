using System.Text.Json;
using System.Text.Json.Nodes;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Core.Synthetic;
using Audit.Data.Connections;
using Audit.Data.Answers;
using Audit.Data.Questionnaires;
using Audit.Data.Reviews;
using Audit.Data.Rounds;
using Audit.Data.SectorViews;

namespace Audit.Drills.Aggregation;

/// <summary>
/// Straight on the repositories, as the collection flow would leave them: accepted participations (each accept
/// marks its sector dirty in the same transaction), and a clean recompute of a sector to compare against.
/// </summary>
public sealed class SectorData(DbConnectionFactory factory)
{
    private static readonly Actor Respondent = new("drill-respondent", "respondent");
    private static readonly Actor Analyst = new("drill-analyst", "analyst");

    public async Task<Questionnaire> QuestionnaireAsync()
    {
        var stored = await new QuestionnaireRepository(factory).GetAsync("kennisveiligheid", "2023")
            ?? throw new DrillFailure("The shipped questionnaire kennisveiligheid 2023 is not in the database.");
        return QuestionnaireLoader.LoadJson(stored.DefinitionJson).Value!;
    }

    /// <summary>Answers every question with synthetic values, submits and accepts, a few at a time.</summary>
    public Task AcceptAsync(IEnumerable<string> participationIds, int seed) => AnswerAsync(participationIds, seed, accept: true, int.MaxValue);

    /// <summary>
    /// Answers the first <paramref name="answersEach"/> questions with synthetic values and submits, a few at a time: ready
    /// for the bureau's review. The repositories take a partial questionnaire; fewer answers make a quicker set-up.
    /// </summary>
    public Task SubmitAsync(IEnumerable<string> participationIds, int seed, int answersEach) => AnswerAsync(participationIds, seed, accept: false, answersEach);

    private async Task AnswerAsync(IEnumerable<string> participationIds, int seed, bool accept, int answersEach)
    {
        var questionnaire = await QuestionnaireAsync();
        var answers = new AnswerRepository(factory);
        var submissions = new SubmissionRepository(factory);
        var reviews = new ReviewRepository(factory);
        var n = 0;
        await Parallel.ForEachAsync(participationIds, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (participationId, _) =>
        {
            var now = DateTimeOffset.UtcNow;
            var writes = new SyntheticAnswers(seed + Interlocked.Increment(ref n)).For(questionnaire)
                .Select(a => new AnswerWrite(a.QuestionKey, a.ValueJson)).Take(answersEach).ToList();
            var saved = await answers.SaveBatchAsync(participationId, writes, Respondent, now);
            if (!saved.Saved)
            {
                throw new DrillFailure($"Answers for {participationId} were refused: {saved.Reason}");
            }
            var versions = saved.Items.ToDictionary(i => i.QuestionKey, i => i.Answer!.Version);
            var snapshot = new SubmissionSnapshot(JsonSerializer.Serialize(writes), Guid.NewGuid().ToString("N"), versions);
            var submitted = await submissions.SubmitAsync(participationId, ParticipationStatus.InProgress, snapshot, Respondent, now);
            if (submitted.Outcome != SubmitOutcome.Submitted)
            {
                throw new DrillFailure($"Submitting {participationId} failed: {submitted.Reason}");
            }
            if (!accept)
            {
                return;
            }
            var reviewed = await reviews.ReviewAsync(participationId, ReviewOutcome.Accept, [], "akkoord", Analyst, now);
            if (reviewed.Outcome != ReviewSaveOutcome.Reviewed)
            {
                throw new DrillFailure($"Accepting {participationId} failed: {reviewed.Reason}");
            }
        });
    }

    public Task<IReadOnlyList<SectorDirtyMark>> DirtyAsync() => new SectorDirtyRepository(factory).ListAsync();

    public Task<StoredSectorView?> CurrentAsync(string roundId, string type) => new SectorViewRepository(factory).GetCurrentAsync(roundId, type);

    /// <summary>The view computed from scratch here, with the job's own Core code and no state from any earlier run.</summary>
    public async Task<SectorView> CleanRecomputeAsync(string roundId, InstitutionType type)
    {
        var round = (await new RoundRepository(factory).GetAsync(roundId))?.Round ?? throw new DrillFailure($"Round {roundId} is missing.");
        var reader = new IncludedAnswersReader(factory);
        var scope = new SectorViewScope(roundId, type.ToWireName(), await reader.CountResponsesAsync(roundId, type), DateTimeOffset.UtcNow);
        var builder = new SectorViewBuilder(await QuestionnaireAsync(), round.Disclosure, scope);
        await foreach (var participation in reader.StreamAsync(roundId, type))
        {
            builder.Add(participation);
        }
        return builder.Build();
    }

    /// <summary>The view's JSON without the moments it was computed, which are the only thing a recompute may change.</summary>
    public static string Numbers(string json)
    {
        var node = JsonNode.Parse(json)!;
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(k => k.Contains("computed", StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    obj.Remove(key);
                }
                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }
                break;
        }
    }
}
