namespace Audit.Core.SectorViews;

/// <summary>
/// How much of a sector view the disclosure rules withhold: the whole view (<see cref="WholeView"/>), theme scores,
/// questions, and single grid figures (cells and totals of questions that are not withheld as a whole). Counted on the
/// published form, so it says what the ministry will not see.
/// </summary>
public sealed record SuppressionCounts(bool WholeView, int Themes, int Questions, int GridFigures)
{
    public int Total => (WholeView ? 1 : 0) + Themes + Questions + GridFigures;

    public static SuppressionCounts Of(SectorView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var gridFigures = view.Questions.Where(q => !q.Suppressed).Sum(q =>
            (q.Cells?.Count(c => c.Suppressed) ?? 0) + (q.RowTotals?.Count(r => r.Suppressed) ?? 0)
            + (q.ColumnTotals?.Count(c => c.Suppressed) ?? 0) + (q.Total is { Suppressed: true } ? 1 : 0));
        return new SuppressionCounts(view.Suppressed, view.Themes.Count(t => t.Suppressed), view.Questions.Count(q => q.Suppressed), gridFigures);
    }
}
