using Audit.Core.Rounds;

namespace Audit.Core.Tests.Rounds;

[TestClass]
public sealed class RoundTransitionTests
{
    private static readonly HashSet<(RoundStatus, RoundStatus)> Allowed =
    [
        (RoundStatus.Draft, RoundStatus.Open),
        (RoundStatus.Open, RoundStatus.Closed),
        (RoundStatus.Closed, RoundStatus.Open),
        (RoundStatus.Closed, RoundStatus.Published),
    ];

    [TestMethod]
    [DataRow(RoundStatus.Draft, RoundStatus.Open)]
    [DataRow(RoundStatus.Open, RoundStatus.Closed)]
    [DataRow(RoundStatus.Closed, RoundStatus.Open)]
    [DataRow(RoundStatus.Closed, RoundStatus.Published)]
    public void An_allowed_transition_passes_without_an_error(RoundStatus from, RoundStatus to)
    {
        var check = RoundTransitions.Check(from, to);

        Assert.IsTrue(check.IsAllowed);
        Assert.IsNull(check.Error);
        Assert.Contains(to, check.Allowed);
    }

    [TestMethod]
    public void Every_other_pair_is_refused_including_staying_put()
    {
        foreach (var from in Enum.GetValues<RoundStatus>())
        {
            foreach (var to in Enum.GetValues<RoundStatus>())
            {
                Assert.AreEqual(Allowed.Contains((from, to)), RoundTransitions.Check(from, to).IsAllowed, $"{from} → {to}");
            }
        }
    }

    [TestMethod]
    [DataRow(RoundStatus.Draft, RoundStatus.Published, "Cannot change status from 'draft' to 'published'. Allowed: open.")]
    [DataRow(RoundStatus.Open, RoundStatus.Published, "Cannot change status from 'open' to 'published'. Allowed: closed.")]
    [DataRow(RoundStatus.Open, RoundStatus.Draft, "Cannot change status from 'open' to 'draft'. Allowed: closed.")]
    [DataRow(RoundStatus.Draft, RoundStatus.Closed, "Cannot change status from 'draft' to 'closed'. Allowed: open.")]
    [DataRow(RoundStatus.Closed, RoundStatus.Draft, "Cannot change status from 'closed' to 'draft'. Allowed: open, published.")]
    [DataRow(RoundStatus.Published, RoundStatus.Closed, "Cannot change status from 'published' to 'closed'. Allowed: none ('published' is final).")]
    public void A_refused_transition_names_the_allowed_targets(RoundStatus from, RoundStatus to, string error)
    {
        var check = RoundTransitions.Check(from, to);

        Assert.IsFalse(check.IsAllowed);
        Assert.AreEqual(error, check.Error);
        Assert.AreSequenceEqual(RoundTransitions.Allowed(from).ToList(), check.Allowed.ToList());
    }

    [TestMethod]
    public void Every_status_round_trips_through_its_wire_name()
    {
        foreach (var status in Enum.GetValues<RoundStatus>())
        {
            Assert.IsTrue(RoundStatuses.TryParse(status.ToWireName(), out var parsed));
            Assert.AreEqual(status, parsed);
        }
        Assert.IsFalse(RoundStatuses.TryParse("Open", out _));
        Assert.IsFalse(RoundStatuses.TryParse(null, out _));
    }
}
