namespace Audit.Core.Disclosure;

/// <summary>
/// Secondary suppression: a line (row, column, or a totals vector) whose total is published must not contain
/// exactly one suppressed figure, because total minus the published figures would reveal it.
/// </summary>
/// <remarks>
/// The fix hides the smallest non-zero published member of the line (ties: first in definition order),
/// which costs the least information; a zero member is useless as cover because its value is predictable.
/// With no such member the line's total is hidden instead. Each step hides one more figure, so repeating
/// until nothing changes terminates. This is the usual heuristic, not an optimal (linear-programming)
/// audit: a line with two or more suppressed figures is accepted as protected.
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
                if (total.Suppressed || members.Count(m => m.Suppressed) != 1)
                {
                    continue;
                }
                var cover = SmallestPublishedNonZero(members);
                (cover ?? total).Reason = SuppressionReasons.Secondary;
                changed = true;
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
