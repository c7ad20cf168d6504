using System.Collections.Concurrent;
using Audit.Core.Answers;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Data.Answers;
using Audit.Data.Connections;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Answers;

/// <summary>
/// Many respondents autosaving one questionnaire at once: every write either succeeds and is in the history, or is
/// told that someone else changed the answer first. Nothing is lost, nothing throws, and a submit freezes exactly
/// what was saved.
/// </summary>
public abstract class AnswerConcurrencyContract : EngineTestBase
{
    private const int Writers = 8;
    private const int WritesPerWriter = 200;
    private static readonly string[] Keys = ["gov.policy", "gov.board", "risk.partners", "risk.grid", "screening.staff"];

    private AnswerRepository Answers => new(Factory);

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Eight_writers_lose_no_update_and_every_refusal_is_a_version_mismatch()
    {
        var p = await InvitedAsync(Factory);
        var saved = new ConcurrentBag<AnswerRecord>();
        var mismatches = 0;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var actor = writer % 2 == 0 ? Respondent : Colleague;
            for (var i = 0; i < WritesPerWriter; i++)
            {
                var key = Keys[(writer * 3 + i) % Keys.Length];
                // Like the UI: read what is there, then write with that version as If-Match (0: "I saw none").
                var current = await Answers.GetAsync(p.Id, key, TestContext.CancellationToken);
                var result = await Answers.SaveAsync(
                    p.Id, Write(key, $"\"w{writer}-{i}\"", expected: current?.Version ?? 0), actor, Now.AddSeconds(i), TestContext.CancellationToken);
                switch (result.Outcome)
                {
                    case AnswerSaveOutcome.Saved:
                        saved.Add(result.Answer!);
                        break;
                    case AnswerSaveOutcome.VersionMismatch:
                        Interlocked.Increment(ref mismatches);
                        break;
                    default:
                        Assert.Fail($"writer {writer}, write {i}: {result.Outcome}");
                        break;
                }
            }
        }, TestContext.CancellationToken)));

        TestContext.WriteLine($"{Provider}: {saved.Count} saved, {mismatches} version mismatches");
        Assert.AreEqual(Writers * WritesPerWriter, saved.Count + mismatches);
        foreach (var key in Keys)
        {
            var successes = saved.Where(a => a.QuestionKey == key).OrderBy(a => a.Version).ToList();
            // Every success got its own version, 1..n without gaps: no two writers ever won from the same version.
            Assert.AreSequenceEqual(Enumerable.Range(1, successes.Count).ToList(), successes.Select(a => a.Version).ToList(), key);
            var final = await Answers.GetAsync(p.Id, key, TestContext.CancellationToken);
            Assert.AreEqual(successes.Count, final?.Version, $"{key}: the final version counts the successful writes");
            Assert.AreEqual(successes[^1].ValueJson, final?.ValueJson, key);
            var history = await Answers.HistoryAsync(p.Id, key, TestContext.CancellationToken);
            Assert.AreSequenceEqual(
                successes.Select(a => (a.Version, a.ValueJson)).Reverse().ToList(),
                history.Select(h => (h.Version, h.ValueJson ?? "")).ToList(),
                $"{key}: every success is in the history, and nothing else");
        }
        Assert.AreEqual(saved.Count, await CountAsync(Factory,
            "SELECT COUNT(*) FROM audit_events WHERE object_id = @id AND action = 'answer.saved'", new { id = p.Id }));
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task A_submit_amid_autosaves_freezes_exactly_the_saved_answers_and_stops_further_writes()
    {
        var p = await InvitedAsync(Factory);
        var savedCount = 0;
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                var key = Keys[(writer + i) % Keys.Length];
                var current = await Answers.GetAsync(p.Id, key, TestContext.CancellationToken);
                var result = await Answers.SaveAsync(p.Id, Write(key, i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    expected: current?.Version ?? 0), Respondent, Now, TestContext.CancellationToken);
                if (result.Outcome == AnswerSaveOutcome.NotEditable)
                {
                    return i;
                }
                Assert.IsTrue(result.Outcome is AnswerSaveOutcome.Saved or AnswerSaveOutcome.VersionMismatch, result.Outcome.ToString());
                if (result.Saved)
                {
                    Interlocked.Increment(ref savedCount);
                }
            }
            Assert.Fail("the writer was never stopped by the submission");
            return 0;
        }, TestContext.CancellationToken)).ToList();

        while (Volatile.Read(ref savedCount) < 40)
        {
            await Task.Delay(5, TestContext.CancellationToken);
        }
        SubmitResult submitted;
        var attempts = 0;
        do
        {
            // What an API does on AnswersChanged: read again, validate again, submit again.
            attempts++;
            submitted = await SubmitAsync(Factory, p.Id, ParticipationStatus.InProgress);
        }
        while (submitted.Outcome == SubmitOutcome.AnswersChanged);
        await Task.WhenAll(writers);

        TestContext.WriteLine($"{Provider}: submitted after {attempts} attempt(s), {savedCount} saves");
        Assert.AreEqual(SubmitOutcome.Submitted, submitted.Outcome);
        var frozen = (await Answers.ListAsync(p.Id, TestContext.CancellationToken)).ToDictionary(a => a.QuestionKey, a => a.Version);
        var snapshot = await SnapshotAsync(Factory, p.Id);
        Assert.AreEqual(snapshot.SnapshotJson, submitted.Submission!.SnapshotJson, "the snapshot is the answers as they stayed");
        Assert.AreEqual(snapshot.ContentHash, submitted.Submission.ContentHash);
        foreach (var (key, version) in frozen)
        {
            Assert.AreEqual(version, (await Answers.HistoryAsync(p.Id, key, TestContext.CancellationToken))[0].Version,
                $"{key}: no version was written after the submission");
        }
    }
}

[TestClass]
public sealed class SqliteAnswerConcurrencyTests : AnswerConcurrencyContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresAnswerConcurrencyTests : AnswerConcurrencyContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
