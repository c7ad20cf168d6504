using Audit.Core.Rounds;

namespace Audit.Core.Tests.Rounds;

[TestClass]
public sealed class ParticipationTransitionTests
{
    private static readonly HashSet<(ParticipationStatus, ParticipationStatus)> Allowed =
    [
        (ParticipationStatus.Invited, ParticipationStatus.InProgress),
        (ParticipationStatus.Invited, ParticipationStatus.Submitted),
        (ParticipationStatus.InProgress, ParticipationStatus.Submitted),
        (ParticipationStatus.Submitted, ParticipationStatus.Returned),
        (ParticipationStatus.Submitted, ParticipationStatus.Accepted),
        (ParticipationStatus.Returned, ParticipationStatus.InProgress),
        (ParticipationStatus.Returned, ParticipationStatus.Submitted),
    ];

    [TestMethod]
    [DataRow(ParticipationStatus.Invited, ParticipationStatus.InProgress)]
    [DataRow(ParticipationStatus.Invited, ParticipationStatus.Submitted)]
    [DataRow(ParticipationStatus.InProgress, ParticipationStatus.Submitted)]
    [DataRow(ParticipationStatus.Submitted, ParticipationStatus.Returned)]
    [DataRow(ParticipationStatus.Submitted, ParticipationStatus.Accepted)]
    [DataRow(ParticipationStatus.Returned, ParticipationStatus.InProgress)]
    [DataRow(ParticipationStatus.Returned, ParticipationStatus.Submitted)]
    public void An_allowed_transition_passes_without_an_error(ParticipationStatus from, ParticipationStatus to)
    {
        var check = ParticipationTransitions.Check(from, to);

        Assert.IsTrue(check.IsAllowed);
        Assert.IsNull(check.Error);
    }

    [TestMethod]
    public void Every_other_pair_is_refused_including_staying_put()
    {
        foreach (var from in Enum.GetValues<ParticipationStatus>())
        {
            foreach (var to in Enum.GetValues<ParticipationStatus>())
            {
                Assert.AreEqual(Allowed.Contains((from, to)), ParticipationTransitions.Check(from, to).IsAllowed, $"{from} → {to}");
            }
        }
    }

    [TestMethod]
    [DataRow(ParticipationStatus.Submitted, ParticipationStatus.InProgress, "Allowed: returned, accepted.")]
    [DataRow(ParticipationStatus.InProgress, ParticipationStatus.Accepted, "Allowed: submitted.")]
    [DataRow(ParticipationStatus.Invited, ParticipationStatus.Returned, "Allowed: in_progress, submitted.")]
    [DataRow(ParticipationStatus.Accepted, ParticipationStatus.Returned, "Allowed: none ('accepted' is final).")]
    public void A_refused_transition_names_the_allowed_targets(ParticipationStatus from, ParticipationStatus to, string allowed)
    {
        var check = ParticipationTransitions.Check(from, to);

        Assert.IsFalse(check.IsAllowed);
        Assert.Contains($"from '{from.ToWireName()}' to '{to.ToWireName()}'", check.Error!);
        Assert.EndsWith(allowed, check.Error!);
    }

    [TestMethod]
    public void Every_result_of_a_permitted_action_is_an_allowed_transition_or_no_change()
    {
        foreach (var status in Enum.GetValues<ParticipationStatus>())
        {
            if (ParticipationRules.CanEditAnswers(RoundStatus.Open, status).IsAllowed)
                AssertReachable(status, ParticipationRules.AfterEdit(status));
            if (ParticipationRules.CanSubmit(RoundStatus.Open, status).IsAllowed)
                AssertReachable(status, ParticipationRules.AfterSubmit(status));
            if (ParticipationRules.CanReview(RoundStatus.Open, status).IsAllowed)
            {
                AssertReachable(status, ParticipationRules.AfterReview(status, ReviewOutcome.Return));
                AssertReachable(status, ParticipationRules.AfterReview(status, ReviewOutcome.Accept));
            }
        }

        static void AssertReachable(ParticipationStatus from, ParticipationStatus to) =>
            Assert.IsTrue(from == to || ParticipationTransitions.Check(from, to).IsAllowed, $"{from} → {to}");
    }

    [TestMethod]
    [DataRow(RoundStatus.Draft, ParticipationStatus.Invited, "not opened yet")]
    [DataRow(RoundStatus.Closed, ParticipationStatus.InProgress, "closed")]
    [DataRow(RoundStatus.Published, ParticipationStatus.Returned, "published")]
    [DataRow(RoundStatus.Open, ParticipationStatus.Submitted, "submitted")]
    [DataRow(RoundStatus.Open, ParticipationStatus.Accepted, "accepted")]
    public void Answers_can_only_be_edited_in_an_open_round_before_submission(RoundStatus round, ParticipationStatus participation, string reason)
    {
        var check = ParticipationRules.CanEditAnswers(round, participation);

        Assert.IsFalse(check.IsAllowed);
        Assert.Contains(reason, check.Reason!);
        Assert.IsTrue(ParticipationRules.CanEditAnswers(RoundStatus.Open, ParticipationStatus.Returned).IsAllowed);
    }

    [TestMethod]
    public void A_submission_can_be_reviewed_after_the_deadline_but_not_after_publication()
    {
        Assert.IsTrue(ParticipationRules.CanReview(RoundStatus.Closed, ParticipationStatus.Submitted).IsAllowed);
        Assert.IsFalse(ParticipationRules.CanReview(RoundStatus.Published, ParticipationStatus.Submitted).IsAllowed);
        Assert.IsFalse(ParticipationRules.CanReview(RoundStatus.Open, ParticipationStatus.InProgress).IsAllowed);
        Assert.IsFalse(ParticipationRules.CanSubmit(RoundStatus.Closed, ParticipationStatus.InProgress).IsAllowed);
        Assert.ThrowsExactly<InvalidOperationException>(() => ParticipationRules.AfterReview(ParticipationStatus.InProgress, ReviewOutcome.Accept));
    }
}
