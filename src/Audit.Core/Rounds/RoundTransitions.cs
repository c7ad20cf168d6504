namespace Audit.Core.Rounds;

/// <summary>
/// Allowed round status changes:
/// <list type="bullet">
/// <item>draft → open: the round starts.</item>
/// <item>open → closed: the deadline has passed (or the administrator closes early).</item>
/// <item>closed → open: reopen, e.g. to extend the deadline.</item>
/// <item>closed → published: the sector results are released.</item>
/// </list>
/// Not allowed: open → draft (institutions may already have answers, which a draft round would hide),
/// draft → closed (nothing to close), skipping straight to published before closing (results of a round
/// still collecting answers would change after publication), and anything out of published: published
/// figures must stay what was published.
/// </summary>
public static class RoundTransitions
{
    private static readonly TransitionTable<RoundStatus> Table = new(
        new Dictionary<RoundStatus, RoundStatus[]>
        {
            [RoundStatus.Draft] = [RoundStatus.Open],
            [RoundStatus.Open] = [RoundStatus.Closed],
            [RoundStatus.Closed] = [RoundStatus.Open, RoundStatus.Published],
            [RoundStatus.Published] = [],
        },
        RoundStatuses.ToWireName);

    public static IReadOnlyList<RoundStatus> Allowed(RoundStatus from) => Table.Allowed(from);

    public static TransitionCheck<RoundStatus> Check(RoundStatus from, RoundStatus to) => Table.Check(from, to);
}
