using Audit.Core.Answers;
using Audit.Core.Institutions;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Data.Answers;
using Audit.Data.Connections;
using Audit.Data.Reviews;
using Audit.Data.Rounds;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Answers;

/// <summary>Answers: versions as ETags, refusals that write nothing, history, batches and the editability rule.</summary>
public abstract partial class AnswerRepositoryContract : EngineTestBase
{
    private AnswerRepository Answers => new(Factory);

    [TestMethod]
    public async Task A_first_answer_gets_version_1_starts_the_participation_and_is_audited()
    {
        var p = await InvitedAsync(Factory);

        var saved = await Answers.SaveAsync(p.Id, Write("gov.policy", "\"yes\"", comment: "zie beleid"), Respondent, Now);

        Assert.AreEqual(AnswerSaveOutcome.Saved, saved.Outcome);
        var expected = new AnswerRecord(p.Id, "gov.policy", "\"yes\"", "zie beleid", false, 1, Respondent.Id!, Now);
        Assert.AreEqual(expected, saved.Answer);
        Assert.AreEqual(expected, await Answers.GetAsync(p.Id, "gov.policy"));
        Assert.AreSequenceEqual(new[] { expected }, (await Answers.ListAsync(p.Id)).ToList());
        Assert.AreEqual(ParticipationStatus.InProgress, await StatusAsync(Factory, p.Id));
        var history = await new ParticipationRepository(Factory).StatusHistoryAsync(p.Id);
        Assert.AreEqual((ParticipationStatus.Invited, ParticipationStatus.InProgress), (history.Single().From, history.Single().To));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, p.Id, "answer.saved"));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, p.Id, "participation.in_progress"));

        await Answers.SaveAsync(p.Id, Write("gov.other", "3"), Respondent, Now);
        Assert.HasCount(1, await new ParticipationRepository(Factory).StatusHistoryAsync(p.Id), "in_progress stays in_progress");
    }

    [TestMethod]
    public async Task Writing_with_the_current_version_succeeds_and_a_stale_version_gets_the_current_answer()
    {
        var p = await InvitedAsync(Factory);
        await Answers.SaveAsync(p.Id, Write("k", "1"), Respondent, Now);
        var second = await Answers.SaveAsync(p.Id, Write("k", "2", expected: 1), Colleague, Now.AddMinutes(1));
        Assert.AreEqual(AnswerSaveOutcome.Saved, second.Outcome);
        Assert.AreEqual(2, second.Answer?.Version);

        var stale = await Answers.SaveAsync(p.Id, Write("k", "3", expected: 1), Respondent, Now.AddMinutes(2));

        Assert.AreEqual(AnswerSaveOutcome.VersionMismatch, stale.Outcome);
        Assert.AreEqual(second.Answer, stale.Answer, "the colleague's answer, for the UI to show");
        Assert.AreEqual(second.Answer, await Answers.GetAsync(p.Id, "k"));
        Assert.HasCount(2, await Answers.HistoryAsync(p.Id, "k"));
        Assert.AreEqual(2, await AuditEventsAsync(Factory, p.Id, "answer.saved"));
    }

    [TestMethod]
    public async Task The_autosave_write_reads_its_scope_in_the_transaction_and_folds_editability_into_the_update()
    {
        var p = await InvitedAsync(Factory);
        await Answers.SaveAsync(p.Id, Write("k", "1"), Respondent, Now);
        AnswerScopeRead? seen = null;

        var saved = await Answers.SaveInScopeAsync(p.Id, "k", read => { seen = read; return Task.FromResult<AnswerWrite?>(Write("k", "2", expected: 1)); },
            Colleague, Now.AddMinutes(1));

        Assert.AreEqual(AnswerSaveOutcome.Saved, saved!.Outcome);
        Assert.AreEqual(2, saved.Answer?.Version);
        Assert.AreEqual((p.Id, ParticipationStatus.InProgress, 1), (seen!.Participation.Id, seen.Participation.Status, seen.Current?.Version));
        Assert.HasCount(2, await Answers.HistoryAsync(p.Id, "k"));
        Assert.AreEqual(2, await AuditEventsAsync(Factory, p.Id, "answer.saved"));

        var stale = await Answers.SaveInScopeAsync(p.Id, "k", _ => Task.FromResult<AnswerWrite?>(Write("k", "3", expected: 1)), Respondent, Now.AddMinutes(2));
        Assert.AreEqual((AnswerSaveOutcome.VersionMismatch, 2), (stale!.Outcome, stale.Answer?.Version));
        Assert.IsNull(await Answers.SaveInScopeAsync(p.Id, "k", _ => Task.FromResult<AnswerWrite?>(null), Respondent, Now.AddMinutes(2)));
        Assert.IsNull((await Answers.SaveInScopeAsync("no-such-participation", "k", read => { seen = read; return Task.FromResult<AnswerWrite?>(null); },
            Respondent, Now)), "refused");
        Assert.IsNull(seen, "no scope for a participation that does not exist");

        Assert.AreEqual(SubmitOutcome.Submitted, (await SubmitAsync(Factory, p.Id, ParticipationStatus.InProgress)).Outcome);
        var late = await Answers.SaveInScopeAsync(p.Id, "k", _ => Task.FromResult<AnswerWrite?>(Write("k", "4", expected: 2)), Respondent, Now.AddMinutes(3));
        Assert.AreEqual(AnswerSaveOutcome.NotEditable, late!.Outcome);
        Assert.IsNotNull(late.Reason);
        Assert.HasCount(2, await Answers.HistoryAsync(p.Id, "k"), "nothing written when refused");
        Assert.AreEqual(2, await AuditEventsAsync(Factory, p.Id, "answer.saved"));
    }

    [TestMethod]
    public async Task Without_a_version_an_existing_answer_needs_a_precondition_and_expecting_none_is_a_mismatch()
    {
        var p = await InvitedAsync(Factory);
        var first = await Answers.SaveAsync(p.Id, Write("k", "1"), Respondent, Now);

        var unconditional = await Answers.SaveAsync(p.Id, Write("k", "2"), Colleague, Now);
        var expectingNone = await Answers.SaveAsync(p.Id, Write("k", "2", expected: 0), Colleague, Now);
        var expectingMissing = await Answers.SaveAsync(p.Id, Write("never", "2", expected: 4), Colleague, Now);

        Assert.AreEqual(AnswerSaveOutcome.PreconditionRequired, unconditional.Outcome);
        Assert.AreEqual(first.Answer, unconditional.Answer);
        Assert.AreEqual(AnswerSaveOutcome.VersionMismatch, expectingNone.Outcome);
        Assert.AreEqual(first.Answer, expectingNone.Answer);
        Assert.AreEqual(AnswerSaveOutcome.VersionMismatch, expectingMissing.Outcome);
        Assert.IsNull(expectingMissing.Answer);
        Assert.IsNull(await Answers.GetAsync(p.Id, "never"));
        Assert.HasCount(1, await Answers.HistoryAsync(p.Id, "k"));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, p.Id, "answer.saved"));
    }

    [TestMethod]
    public async Task A_batch_saves_everything_with_new_versions_in_the_order_given()
    {
        var p = await InvitedAsync(Factory);
        await Answers.SaveAsync(p.Id, Write("b", "1"), Respondent, Now);

        var batch = await Answers.SaveBatchAsync(p.Id, [Write("c", "\"x\""), Write("b", "2", expected: 1), Write("a", "[\"p\",\"q\"]")], Respondent, Now);

        Assert.AreEqual(AnswerBatchOutcome.Saved, batch.Outcome);
        Assert.AreSequenceEqual(new[] { ("c", 1), ("b", 2), ("a", 1) }, batch.Items.Select(i => (i.QuestionKey, i.Answer!.Version)).ToList());
        Assert.AreSequenceEqual(new[] { "a", "b", "c" }, (await Answers.ListAsync(p.Id)).Select(a => a.QuestionKey).ToList());
        Assert.AreEqual(4, await AuditEventsAsync(Factory, p.Id, "answer.saved"));

        var other = await InvitedAsync(Factory);
        var empty = await Answers.SaveBatchAsync(other.Id, [], Respondent, Now);
        Assert.AreEqual(AnswerBatchOutcome.Saved, empty.Outcome);
        Assert.AreEqual(ParticipationStatus.Invited, await StatusAsync(Factory, other.Id), "an empty batch changes nothing");
    }

    [TestMethod]
    public async Task A_batch_with_any_failing_item_saves_nothing_and_lists_every_failure()
    {
        var p = await InvitedAsync(Factory);
        await SaveAllAsync(Factory, p.Id, Write("a", "1"), Write("b", "1"));
        var before = await Answers.ListAsync(p.Id);

        var batch = await Answers.SaveBatchAsync(p.Id,
            [Write("new", "5"), Write("a", "2", expected: 7), Write("b", "2"), Write("a", "3", expected: 1)], Colleague, Now.AddHours(1));

        Assert.AreEqual(AnswerBatchOutcome.ItemsFailed, batch.Outcome);
        Assert.AreSequenceEqual(
            new[] { AnswerSaveOutcome.RolledBack, AnswerSaveOutcome.VersionMismatch, AnswerSaveOutcome.PreconditionRequired, AnswerSaveOutcome.RolledBack },
            batch.Items.Select(i => i.Outcome).ToList());
        Assert.AreEqual(1, batch.Items[1].Answer?.Version, "the current answer comes with the mismatch");
        Assert.AreSequenceEqual(before.ToList(), (await Answers.ListAsync(p.Id)).ToList());
        Assert.IsEmpty(await Answers.HistoryAsync(p.Id, "new"));
        Assert.AreEqual(2, await AuditEventsAsync(Factory, p.Id, "answer.saved"));
    }

    [TestMethod]
    public async Task History_keeps_every_version_newest_first_and_a_cleared_answer_restarts_after_it()
    {
        var p = await InvitedAsync(Factory);
        await Answers.SaveAsync(p.Id, Write("k", "1", comment: "eerste"), Respondent, Now);
        await Answers.SaveAsync(p.Id, Write("k", "2", expected: 1), Colleague, Now.AddMinutes(1));

        var stale = await Answers.DeleteAsync(p.Id, "k", 1, Respondent, Now.AddMinutes(2));
        var deleted = await Answers.DeleteAsync(p.Id, "k", 2, Respondent, Now.AddMinutes(2));
        var again = await Answers.DeleteAsync(p.Id, "k", 3, Respondent, Now.AddMinutes(2));
        var recreated = await Answers.SaveAsync(p.Id, Write("k", "4", expected: 0), Respondent, Now.AddMinutes(3));

        Assert.AreEqual(AnswerDeleteOutcome.VersionMismatch, stale.Outcome);
        Assert.AreEqual(2, stale.Current?.Version);
        Assert.AreEqual(AnswerDeleteOutcome.Deleted, deleted.Outcome);
        Assert.AreEqual("2", deleted.Current?.ValueJson);
        Assert.AreEqual(AnswerDeleteOutcome.NotFound, again.Outcome);
        Assert.AreEqual(4, recreated.Answer?.Version, "an ETag is never reused");
        var history = await Answers.HistoryAsync(p.Id, "k");
        Assert.AreSequenceEqual(
            new (int, string?, string)[] { (4, "4", "u_respondent"), (3, null, "u_respondent"), (2, "2", "u_colleague"), (1, "1", "u_respondent") },
            history.Select(h => (h.Version, h.ValueJson, h.ChangedBy)).ToList());
        Assert.AreEqual("eerste", history[^1].Comment);
        Assert.AreEqual(Now.AddMinutes(2), history[1].ChangedAt);
        Assert.AreEqual(1, await AuditEventsAsync(Factory, p.Id, "answer.deleted"));
    }

    [TestMethod]
    public async Task Prefill_copies_accepted_baseline_answers_into_empty_answers_only()
    {
        var institution = await NewInstitutionAsync(Factory);
        var baseline = await AcceptedAsync(institution, Write("same", "\"yes\"", comment: "2023"), Write("mine", "1"), Write("gone", "2"), Write("other", "3"));
        var p = await InvitedAsync(Factory, institution: institution);
        await Answers.SaveAsync(p.Id, Write("mine", "5"), Respondent, Now);

        var result = await Answers.PrefillAsync(p.Id, baseline.Id, ["same", "mine", "other", "absent"], Respondent, Now.AddHours(1));

        Assert.AreEqual(PrefillOutcome.Prefilled, result.Outcome);
        Assert.AreSequenceEqual(new[] { "other", "same" }, result.CopiedKeys.ToList());
        var answers = (await Answers.ListAsync(p.Id)).ToDictionary(a => a.QuestionKey);
        Assert.AreEqual(new AnswerRecord(p.Id, "same", "\"yes\"", "2023", true, 1, Respondent.Id!, Now.AddHours(1)), answers["same"]);
        Assert.AreEqual("5", answers["mine"].ValueJson, "an entered answer is never overwritten");
        Assert.IsFalse(answers["mine"].Prefilled);
        Assert.DoesNotContain("gone", answers.Keys, "not comparable, not copied");
        Assert.IsTrue((await Answers.HistoryAsync(p.Id, "same")).Single().Prefilled);

        var edited = await Answers.SaveAsync(p.Id, Write("same", "\"no\"", expected: 1), Respondent, Now.AddHours(2));
        Assert.IsFalse(edited.Answer!.Prefilled, "edited answers are no longer prefilled");
        var twice = await Answers.PrefillAsync(p.Id, baseline.Id, ["same", "mine", "other"], Respondent, Now.AddHours(3));
        Assert.IsEmpty(twice.CopiedKeys);
        Assert.AreEqual(1, await AuditEventsAsync(Factory, p.Id, "answers.prefilled"));
    }

    [TestMethod]
    public async Task Prefill_refuses_a_baseline_that_is_not_accepted_or_of_another_institution()
    {
        var institution = await NewInstitutionAsync(Factory);
        var otherInstitution = await AcceptedAsync(await NewInstitutionAsync(Factory), Write("k", "1"));
        var notAccepted = await InvitedAsync(Factory, institution: institution);
        await Answers.SaveAsync(notAccepted.Id, Write("k", "1"), Respondent, Now);
        var p = await InvitedAsync(Factory, institution: institution);

        foreach (var baseline in new[] { otherInstitution.Id, notAccepted.Id, NewId("p_") })
        {
            var result = await Answers.PrefillAsync(p.Id, baseline, ["k"], Respondent, Now);
            Assert.AreEqual(PrefillOutcome.BaselineNotUsable, result.Outcome);
        }
        Assert.IsEmpty(await Answers.ListAsync(p.Id));
        Assert.AreEqual(ParticipationStatus.Invited, await StatusAsync(Factory, p.Id), "a refused prefill changes nothing");
    }

    [TestMethod]
    public async Task Nothing_is_written_once_submitted_or_outside_an_open_round_and_unknown_participations_are_not_found()
    {
        var p = await InvitedAsync(Factory);
        await Answers.SaveAsync(p.Id, Write("k", "1"), Respondent, Now);
        Assert.AreEqual(SubmitOutcome.Submitted, (await SubmitAsync(Factory, p.Id, ParticipationStatus.InProgress)).Outcome);

        var save = await Answers.SaveAsync(p.Id, Write("k", "2", expected: 1), Respondent, Now);
        var batch = await Answers.SaveBatchAsync(p.Id, [Write("x", "2")], Respondent, Now);
        var delete = await Answers.DeleteAsync(p.Id, "k", 1, Respondent, Now);

        Assert.AreEqual(AnswerSaveOutcome.NotEditable, save.Outcome);
        Assert.Contains("submitted", save.Reason!);
        Assert.AreEqual(AnswerBatchOutcome.NotEditable, batch.Outcome);
        Assert.AreEqual(AnswerSaveOutcome.NotEditable, batch.Items.Single().Outcome);
        Assert.AreEqual(AnswerDeleteOutcome.NotEditable, delete.Outcome);
        Assert.AreEqual("1", (await Answers.GetAsync(p.Id, "k"))?.ValueJson);

        var draft = await NewStoredRoundAsync(Factory);
        var inDraft = await new ParticipationRepository(Factory).InviteAsync(draft.Id, [(await NewInstitutionAsync(Factory)).Id], Tester, Now);
        var early = await Answers.SaveAsync(inDraft.Participations[0].Id, Write("k", "1"), Respondent, Now);
        Assert.AreEqual(AnswerSaveOutcome.NotEditable, early.Outcome);
        Assert.Contains("not opened", early.Reason!);
        Assert.AreEqual(ParticipationStatus.Invited, await StatusAsync(Factory, inDraft.Participations[0].Id));

        var missing = await Answers.SaveAsync(NewId("p_"), Write("k", "1"), Respondent, Now);
        Assert.AreEqual(AnswerSaveOutcome.NotFound, missing.Outcome);
    }

    [TestMethod]
    public async Task Closing_the_round_stops_edits_and_a_returned_participation_is_back_in_progress_on_its_first_edit()
    {
        var round = await OpenRoundAsync(Factory);
        var p = await InvitedAsync(Factory, round);
        await Answers.SaveAsync(p.Id, Write("k", "1"), Respondent, Now);
        await SubmitAsync(Factory, p.Id, ParticipationStatus.InProgress);
        await new ReviewRepository(Factory).ReviewAsync(p.Id, ReviewOutcome.Return, [], null, Analyst, Now);
        Assert.AreEqual(ParticipationStatus.Returned, await StatusAsync(Factory, p.Id));

        Assert.IsTrue((await Answers.SaveAsync(p.Id, Write("k", "2", expected: 1), Respondent, Now)).Saved);
        Assert.AreEqual(ParticipationStatus.InProgress, await StatusAsync(Factory, p.Id));

        await MoveRoundAsync(Factory, round.Id, RoundStatus.Open, RoundStatus.Closed);
        var late = await Answers.SaveAsync(p.Id, Write("k", "3", expected: 2), Respondent, Now);
        Assert.AreEqual(AnswerSaveOutcome.NotEditable, late.Outcome);
        Assert.Contains("closed", late.Reason!);
    }

    [TestMethod]
    public async Task Answered_counts_come_for_many_participations_at_once()
    {
        var a = await InvitedAsync(Factory);
        var b = await InvitedAsync(Factory);
        await SaveAllAsync(Factory, a.Id, Write("x", "1"), Write("y", "1"), Write("z", "1"));
        await SaveAllAsync(Factory, b.Id, Write("x", "1"));
        await Answers.DeleteAsync(b.Id, "x", 1, Respondent, Now);
        var many = Enumerable.Range(0, 1200).Select(i => NewId("p_")).Append(a.Id).Append(b.Id).ToList();

        var counts = await Answers.CountAnsweredAsync(many);

        Assert.HasCount(1202, counts);
        Assert.AreEqual(3, counts[a.Id]);
        Assert.AreEqual(0, counts[b.Id]);
        Assert.IsEmpty(await Answers.CountAnsweredAsync([]));
    }

    [TestMethod]
    public async Task The_schema_itself_refuses_rewriting_history()
    {
        var p = await InvitedAsync(Factory);
        await Answers.SaveAsync(p.Id, Write("k", "1"), Respondent, Now);

        await AssertRefusedAsync(Factory, $"UPDATE answer_versions SET value_json = '2' WHERE participation_id = '{p.Id}'");
        await AssertRefusedAsync(Factory, $"DELETE FROM answer_versions WHERE participation_id = '{p.Id}'");
        await AssertRefusedAsync(Factory,
            "INSERT INTO answers (participation_id, question_key, value_json, prefilled, version, updated_by, updated_at) " +
            $"VALUES ('{NewId("p_")}', 'k', '1', {(Provider == DatabaseProvider.Postgres ? "false" : "0")}, 1, 'x', '2026-01-01 00:00:00')");
        Assert.HasCount(1, await Answers.HistoryAsync(p.Id, "k"));
    }

    /// <summary>A participation of <paramref name="institution"/> in a new round, with these answers, submitted and accepted.</summary>
    private async Task<ParticipationRecord> AcceptedAsync(Institution institution, params AnswerWrite[] answers)
    {
        var p = await InvitedAsync(Factory, institution: institution);
        await SaveAllAsync(Factory, p.Id, answers);
        Assert.AreEqual(SubmitOutcome.Submitted, (await SubmitAsync(Factory, p.Id, ParticipationStatus.InProgress)).Outcome);
        var accepted = await new ReviewRepository(Factory).ReviewAsync(p.Id, ReviewOutcome.Accept, [], null, Analyst, Now);
        Assert.AreEqual(ReviewSaveOutcome.Reviewed, accepted.Outcome);
        return p;
    }
}

[TestClass]
public sealed class SqliteAnswerRepositoryTests : AnswerRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresAnswerRepositoryTests : AnswerRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerAnswerRepositoryTests : AnswerRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
