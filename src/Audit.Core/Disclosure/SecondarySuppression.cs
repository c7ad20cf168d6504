namespace Audit.Core.Disclosure;

/// <summary>
/// Secondary suppression. Every line of a grid (a row, a column, the row totals, the column totals) is an
/// equation: its members add up to its total. If exactly one figure of such an equation is hidden, a reader
/// recovers it by subtraction, so a second one is hidden too.
/// </summary>
/// <remarks>
/// <para>The rule of issue 6: a line whose total is published may not contain exactly one suppressed member.
/// Then the smallest non-zero published member is hidden as cover (ties: the first in definition order),
/// which costs the least information; a zero member is useless as cover because its value is predictable.
/// With no such member the line's total is hidden instead.</para>
/// <para>One addition, for the same reason: a hidden total whose members are all published is just as
/// recoverable (it is their sum). That happens when a total was chosen as cover in the totals line; left
/// alone, the cover would not cover. Then the smallest non-zero member of its own line is hidden too.</para>
/// <para>Each step hides one more figure, so repeating until nothing changes terminates. This is the usual
/// heuristic, not an optimal (linear-programming) audit: an equation with two or more hidden figures counts
/// as protected.</para>
/// </remarks>
public static class SecondarySuppression
{
    public static void Apply(SuppressionGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var lines = grid.Lines().ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var (members, total) in lines)
            {
                var hiddenMembers = members.Count(m => m.Suppressed);
                if (!total.Suppressed && hiddenMembers == 1)
                {
                    (SmallestPublishedNonZero(members) ?? total).Reason = SuppressionReasons.Secondary;
                    changed = true;
                }
                else if (total.Suppressed && hiddenMembers == 0 && SmallestPublishedNonZero(members) is { } cover)
                {
                    cover.Reason = SuppressionReasons.Secondary;
                    changed = true;
                }
            }
        }
        while (changed);
    }

    private static GridItem? SmallestPublishedNonZero(IReadOnlyList<GridItem> members)
    {
        GridItem? best = null;
        foreach (var member in members)
        {
            // Strictly smaller keeps the first in definition order on ties.
            if (!member.Suppressed && member.Sum > 0 && (best is null || member.Sum < best.Sum))
            {
                best = member;
            }
        }
        return best;
    }
}
