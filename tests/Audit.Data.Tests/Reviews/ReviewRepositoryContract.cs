using System.Data.Common;
using Audit.Core.Institutions;
using Audit.Core.Mail;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Data.Answers;
using Audit.Data.Connections;
using Audit.Data.Mail;
using Audit.Data.Reviews;
using Audit.Data.Rounds;
using Audit.Data.SectorViews;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Reviews;

/// <summary>Submission and review: frozen snapshots, compare-and-set decisions, and the dirty mark written with the accept.</summary>
public abstract class ReviewRepositoryContract : EngineTestBase
{
    private AnswerRepository Answers => new(Factory);
    private SubmissionRepository Submissions => new(Factory);
    private ReviewRepository Reviews => new(Factory);

    [TestMethod]
    public async Task Submitting_freezes_the_answers_as_a_snapshot_and_moves_to_submitted()
    {
        var p = await InvitedAsync(Factory);
        await SaveAllAsync(Factory, p.Id, Write("a", "1"), Write("b", "\"yes\""));
        var snapshot = await SnapshotAsync(Factory, p.Id);

        var result = await Submissions.SubmitAsync(p.Id, ParticipationStatus.InProgress, snapshot, Respondent, Now.AddHours(1));

        Assert.AreEqual(SubmitOutcome.Submitted, result.Outcome);
        Assert.AreEqual(new SubmissionRecord(result.Submission!.Id, p.Id, 1, Now.AddHours(1), Respondent.Id!, snapshot.ContentHash, snapshot.SnapshotJson),
            result.Submission);
        Assert.StartsWith("s_", result.Submission.Id);
        Assert.AreEqual(result.Submission, await Submissions.LatestAsync(p.Id));
        Assert.AreEqual(ParticipationStatus.Submitted, result.Participation?.Status);
        Assert.AreEqual(Now.AddHours(1), result.Participation?.SubmittedAt);
        Assert.AreEqual(1, await AuditEventsAsync(Factory, p.Id, "participation.submitted"));
        Assert.IsNull(await Submissions.LatestAsync(NewId("p_")));
        await AssertRefusedAsync(Factory, $"UPDATE submissions SET snapshot_json = '{{}}' WHERE participation_id = '{p.Id}'");
    }

    [TestMethod]
    public async Task A_stale_status_changed_answers_or_a_closed_round_submit_nothing()
    {
        var round = await OpenRoundAsync(Factory);
        var p = await InvitedAsync(Factory, round);
        await SaveAllAsync(Factory, p.Id, Write("a", "1"));
        var snapshot = await SnapshotAsync(Factory, p.Id);

        var stale = await Submissions.SubmitAsync(p.Id, ParticipationStatus.Invited, snapshot, Respondent, Now);
        Assert.AreEqual(SubmitOutcome.StatusMismatch, stale.Outcome);
        Assert.AreEqual(ParticipationStatus.InProgress, stale.Participation?.Status);

        await Answers.SaveAsync(p.Id, Write("a", "2", expected: 1), Colleague, Now);
        var changed = await Submissions.SubmitAsync(p.Id, ParticipationStatus.InProgress, snapshot, Respondent, Now);
        Assert.AreEqual(SubmitOutcome.AnswersChanged, changed.Outcome);
        Assert.AreEqual(ParticipationStatus.InProgress, await StatusAsync(Factory, p.Id));

        await MoveRoundAsync(Factory, round.Id, RoundStatus.Open, RoundStatus.Closed);
        var late = await Submissions.SubmitAsync(p.Id, ParticipationStatus.InProgress, await SnapshotAsync(Factory, p.Id), Respondent, Now);
        Assert.AreEqual(SubmitOutcome.NotAllowed, late.Outcome);
        Assert.Contains("closed", late.Reason!);

        Assert.AreEqual(SubmitOutcome.NotFound, (await Submissions.SubmitAsync(NewId("p_"), ParticipationStatus.InProgress, snapshot, Respondent, Now)).Outcome);
        Assert.IsNull(await Submissions.LatestAsync(p.Id));
        Assert.HasCount(1, await new ParticipationRepository(Factory).StatusHistoryAsync(p.Id), "only invited → in_progress");
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() =>
            Submissions.SubmitAsync(p.Id, ParticipationStatus.Accepted, snapshot, Respondent, Now));
    }

    [TestMethod]
    public async Task Return_edit_resubmit_accept_keeps_every_review_with_its_remarks()
    {
        var p = await InvitedAsync(Factory);
        await SaveAllAsync(Factory, p.Id, Write("a", "1"), Write("b", "2"));
        await SubmitAsync(Factory, p.Id, ParticipationStatus.InProgress, Now.AddDays(1));

        var returned = await Reviews.ReviewAsync(p.Id, ReviewOutcome.Return,
            [new ReviewRemark("b", "Graag toelichten."), new ReviewRemark("a", "Klopt dit?")], "Twee vragen", Analyst, Now.AddDays(2));

        Assert.AreEqual(ReviewSaveOutcome.Reviewed, returned.Outcome);
        Assert.AreEqual(ParticipationStatus.Returned, returned.Participation?.Status);
        Assert.AreEqual(Now.AddDays(2), returned.Participation?.ReturnedAt);
        Assert.AreSequenceEqual(new[] { new ReviewRemark("a", "Klopt dit?"), new ReviewRemark("b", "Graag toelichten.") },
            (await Reviews.LatestRemarksAsync(p.Id)).ToList());
        Assert.IsEmpty(await MarksAsync(p.RoundId), "a return marks nothing dirty");

        Assert.IsTrue((await Answers.SaveAsync(p.Id, Write("a", "3", expected: 1), Respondent, Now.AddDays(3))).Saved);
        var resubmitted = await SubmitAsync(Factory, p.Id, ParticipationStatus.InProgress, Now.AddDays(4));
        Assert.AreEqual(2, resubmitted.Submission?.Number);
        Assert.Contains("\"a\":3", resubmitted.Submission!.SnapshotJson);
        var accepted = await Reviews.ReviewAsync(p.Id, ReviewOutcome.Accept, [], null, Analyst, Now.AddDays(5));

        Assert.AreEqual(ParticipationStatus.Accepted, accepted.Participation?.Status);
        var all = await Reviews.ListAsync(p.Id);
        Assert.AreSequenceEqual(new[] { (1, ReviewOutcome.Return, 2), (2, ReviewOutcome.Accept, 0) },
            all.Select(r => (r.Number, r.Decision, r.Remarks.Count)).ToList());
        AssertSameReview(returned.Review!, all[0]);
        Assert.AreEqual("Twee vragen", all[0].Summary);
        Assert.IsEmpty(await Reviews.LatestRemarksAsync(p.Id));
        Assert.AreEqual(resubmitted.Submission, await Submissions.LatestAsync(p.Id));
        Assert.AreSequenceEqual(
            new[] { ParticipationStatus.InProgress, ParticipationStatus.Submitted, ParticipationStatus.Returned, ParticipationStatus.InProgress,
                ParticipationStatus.Submitted, ParticipationStatus.Accepted },
            (await new ParticipationRepository(Factory).StatusHistoryAsync(p.Id)).Select(h => h.To).ToList());
        Assert.AreEqual(1, await AuditEventsAsync(Factory, p.Id, "participation.accepted"));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, p.Id, "participation.returned"));
    }

    [TestMethod]
    public async Task An_accept_marks_its_sector_dirty_in_the_same_transaction_and_a_failed_one_marks_nothing()
    {
        var round = await OpenRoundAsync(Factory);
        var umc = await SubmittedAsync(round, InstitutionType.Umc);
        var umc2 = await SubmittedAsync(round, InstitutionType.Umc);
        var hogeschool = await SubmittedAsync(round, InstitutionType.Hogeschool);

        // A remark without text violates NOT NULL after the status change and the mark: the whole accept rolls back.
        await Assert.ThrowsAsync<DbException>(() =>
            Reviews.ReviewAsync(umc.Id, ReviewOutcome.Accept, [new ReviewRemark("a", null!)], null, Analyst, Now));
        Assert.IsEmpty(await MarksAsync(round.Id));
        Assert.AreEqual(ParticipationStatus.Submitted, await StatusAsync(Factory, umc.Id));
        Assert.IsEmpty(await Reviews.ListAsync(umc.Id));

        await Reviews.ReviewAsync(umc.Id, ReviewOutcome.Accept, [], null, Analyst, Now.AddHours(1));
        var first = (await MarksAsync(round.Id)).Single();
        Assert.AreEqual((InstitutionType.Umc, Now.AddHours(1)), (first.InstitutionType, first.MarkedAt));

        var again = await Reviews.ReviewAsync(umc.Id, ReviewOutcome.Accept, [], null, Analyst, Now.AddHours(2));
        Assert.AreEqual(ReviewSaveOutcome.StatusMismatch, again.Outcome);
        Assert.AreEqual(first, (await MarksAsync(round.Id)).Single(), "a refused accept marks nothing");

        await Reviews.ReviewAsync(umc2.Id, ReviewOutcome.Accept, [], null, Analyst, Now.AddHours(3));
        await Reviews.ReviewAsync(hogeschool.Id, ReviewOutcome.Return, [], null, Analyst, Now.AddHours(3));
        var marks = await MarksAsync(round.Id);
        var second = marks.Single();
        Assert.AreEqual(InstitutionType.Umc, second.InstitutionType, "the return marked nothing");
        Assert.IsGreaterThan(first.Seq, second.Seq);
        Assert.AreEqual(Now.AddHours(3), second.MarkedAt);
    }

    [TestMethod]
    public async Task Of_a_concurrent_accept_and_return_exactly_one_wins()
    {
        var round = await OpenRoundAsync(Factory);
        for (var i = 0; i < 5; i++)
        {
            var p = await SubmittedAsync(round, InstitutionType.Universiteit);
            var results = await Task.WhenAll(
                Task.Run(() => Reviews.ReviewAsync(p.Id, ReviewOutcome.Accept, [], null, Analyst, Now)),
                Task.Run(() => Reviews.ReviewAsync(p.Id, ReviewOutcome.Return, [new ReviewRemark("a", "nee")], null, Colleague, Now)));

            var winner = Assert.ContainsSingle(r => r.Outcome == ReviewSaveOutcome.Reviewed, results);
            var loser = Assert.ContainsSingle(r => r.Outcome == ReviewSaveOutcome.StatusMismatch, results);
            Assert.AreEqual(winner.Participation?.Status, loser.Participation?.Status);
            AssertSameReview(winner.Review!, (await Reviews.ListAsync(p.Id)).Single());
            Assert.AreEqual(winner.Participation, await new ParticipationRepository(Factory).GetAsync(p.Id));
        }
    }

    [TestMethod]
    public async Task The_mails_of_a_review_are_queued_in_its_transaction_and_only_by_the_review_that_wins()
    {
        var round = await OpenRoundAsync(Factory);
        var p = await SubmittedAsync(round, InstitutionType.Universiteit);
        var outbox = new MailOutboxRepository(Factory);
        IReadOnlyList<OutgoingMail> MailsFor(ReviewRecord review) =>
        [
            new(NewId("m_"), $"review:{review.ParticipationId}:{review.Number}:u_1", "een@uni.nl", $"review {review.Number}", "tekst"),
            new(NewId("m_"), $"review:{review.ParticipationId}:{review.Number}:u_2", "twee@uni.nl", $"review {review.Number}", "tekst"),
        ];

        var first = await Reviews.ReviewAsync(p.Id, ReviewOutcome.Return, [new ReviewRemark("a", "nee")], null, Analyst, Now, mailsFor: MailsFor);
        var second = await Reviews.ReviewAsync(p.Id, ReviewOutcome.Accept, [], null, Analyst, Now, mailsFor: MailsFor);

        Assert.AreEqual(ReviewSaveOutcome.Reviewed, first.Outcome);
        Assert.AreEqual(ReviewSaveOutcome.StatusMismatch, second.Outcome, "the participation is returned, not submitted");
        Assert.AreEqual("een@uni.nl", (await outbox.FindByDedupeKeyAsync($"review:{p.Id}:1:u_1"))?.Mail.Recipient);
        Assert.AreEqual("twee@uni.nl", (await outbox.FindByDedupeKeyAsync($"review:{p.Id}:1:u_2"))?.Mail.Recipient);
        Assert.IsEmpty((await outbox.PendingAsync(Now.AddDays(1), 100)).Where(m => m.Mail.DedupeKey.Contains(":2:", StringComparison.Ordinal)),
            "a refused review queues nothing");
    }

    [TestMethod]
    public async Task Reviews_are_possible_after_the_deadline_but_not_of_what_was_not_submitted()
    {
        var round = await OpenRoundAsync(Factory);
        var submitted = await SubmittedAsync(round, InstitutionType.Overig);
        var inProgress = await InvitedAsync(Factory, round);
        await SaveAllAsync(Factory, inProgress.Id, Write("a", "1"));
        await MoveRoundAsync(Factory, round.Id, RoundStatus.Open, RoundStatus.Closed);

        var early = await Reviews.ReviewAsync(inProgress.Id, ReviewOutcome.Accept, [], null, Analyst, Now);
        var late = await Reviews.ReviewAsync(submitted.Id, ReviewOutcome.Accept, [], null, Analyst, Now);

        Assert.AreEqual(ReviewSaveOutcome.StatusMismatch, early.Outcome);
        Assert.AreEqual(ParticipationStatus.InProgress, early.Participation?.Status);
        Assert.AreEqual(ReviewSaveOutcome.Reviewed, late.Outcome);
        Assert.AreEqual(ReviewSaveOutcome.NotFound, (await Reviews.ReviewAsync(NewId("p_"), ReviewOutcome.Accept, [], null, Analyst, Now)).Outcome);
        await Assert.ThrowsExactlyAsync<ArgumentException>(() =>
            Reviews.ReviewAsync(submitted.Id, ReviewOutcome.Return, [new ReviewRemark("a", "1"), new ReviewRemark("a", "2")], null, Analyst, Now));
    }

    [TestMethod]
    public async Task A_published_round_refuses_reviews()
    {
        var round = await OpenRoundAsync(Factory);
        var p = await SubmittedAsync(round, InstitutionType.Overig);
        await MoveRoundAsync(Factory, round.Id, RoundStatus.Open, RoundStatus.Closed);
        await MoveRoundAsync(Factory, round.Id, RoundStatus.Closed, RoundStatus.Published);

        var result = await Reviews.ReviewAsync(p.Id, ReviewOutcome.Accept, [], null, Analyst, Now);

        Assert.AreEqual(ReviewSaveOutcome.NotAllowed, result.Outcome);
        Assert.Contains("published", result.Reason!);
        Assert.AreEqual(ParticipationStatus.Submitted, result.Participation?.Status);
        Assert.IsEmpty(await MarksAsync(round.Id));
    }

    /// <summary>Records compare lists by reference, so the remarks are compared on their own.</summary>
    private static void AssertSameReview(ReviewRecord expected, ReviewRecord actual)
    {
        Assert.AreEqual(expected with { Remarks = [] }, actual with { Remarks = [] });
        Assert.AreSequenceEqual(expected.Remarks.ToList(), actual.Remarks.ToList());
    }

    private async Task<ParticipationRecord> SubmittedAsync(Round round, InstitutionType type)
    {
        var p = await InvitedAsync(Factory, round, type);
        await SaveAllAsync(Factory, p.Id, Write("a", "1"));
        Assert.AreEqual(SubmitOutcome.Submitted, (await SubmitAsync(Factory, p.Id, ParticipationStatus.InProgress)).Outcome);
        return p;
    }

    private async Task<IReadOnlyList<SectorDirtyMark>> MarksAsync(string roundId) =>
        (await new SectorDirtyRepository(Factory).ListAsync()).Where(m => m.RoundId == roundId).ToList();
}

[TestClass]
public sealed class SqliteReviewRepositoryTests : ReviewRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresReviewRepositoryTests : ReviewRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerReviewRepositoryTests : ReviewRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
