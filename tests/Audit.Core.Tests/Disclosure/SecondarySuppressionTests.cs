using System.Text;
using Audit.Core.Disclosure;

namespace Audit.Core.Tests.Disclosure;

/// <summary>
/// Grids are drawn as text: one line per row, cells then the row total after '|', and a last line of
/// column totals then the grand total. "P" = primary, "S" = secondary, "." = published.
/// </summary>
[TestClass]
public sealed class SecondarySuppressionTests
{
    private static SuppressionGrid Grid(long[][] sums, params (int Row, int Column)[] primary)
    {
        var grid = SuppressionGrid.FromCellSums(sums);
        foreach (var (row, column) in primary)
        {
            grid.Cell(row, column).Reason = SuppressionReasons.Threshold;
        }
        return grid;
    }

    private static string Draw(SuppressionGrid grid)
    {
        static char Mark(GridItem item) => item.Reason switch
        {
            null => '.',
            SuppressionReasons.Secondary => 'S',
            _ => 'P',
        };
        var text = new StringBuilder();
        for (var r = 0; r < grid.RowCount; r++)
        {
            for (var c = 0; c < grid.ColumnCount; c++)
            {
                text.Append(Mark(grid.Cell(r, c)));
            }
            text.Append('|').Append(Mark(grid.Row(r))).Append('\n');
        }
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            text.Append(Mark(grid.Column(c)));
        }
        return text.Append('|').Append(Mark(grid.Total)).ToString();
    }

    [TestMethod]
    public void A_row_with_one_hidden_cell_hides_its_smallest_non_zero_cell()
    {
        // Column x already holds two primaries; rows a and b each hold one. Row a covers with 3 (not 7),
        // row b skips its zero and covers with 9; column z then holds two and needs nothing more.
        var grid = Grid([[4, 7, 3], [6, 0, 9], [20, 30, 40]], (0, 0), (1, 0));
        SecondarySuppression.Apply(grid);
        Assert.AreEqual("P.S|.\nP.S|.\n...|.\n...|.", Draw(grid));
    }

    [TestMethod]
    public void A_column_with_one_hidden_cell_hides_its_smallest_non_zero_cell()
    {
        // The transpose of the row case.
        var grid = Grid([[4, 6, 20], [7, 0, 30], [3, 9, 40]], (0, 0), (0, 1));
        SecondarySuppression.Apply(grid);
        Assert.AreEqual("PP.|.\n...|.\nSS.|.\n...|.", Draw(grid));
    }

    [TestMethod]
    public void Ties_take_the_first_cell_in_definition_order()
    {
        var grid = Grid([[5, 3, 3], [5, 8, 8]], (0, 0), (1, 0));
        SecondarySuppression.Apply(grid);
        Assert.AreEqual("PS.|.\nPS.|.\n...|.", Draw(grid));
    }

    [TestMethod]
    public void Covers_propagate_through_rows_and_columns_until_stable()
    {
        // One primary: the row takes 10, the column takes 50, then column x must take 40: a rectangle.
        var grid = Grid([[10, 20, 30], [40, 50, 60]], (0, 1));
        SecondarySuppression.Apply(grid);
        Assert.AreEqual("SP.|.\nSS.|.\n...|.", Draw(grid));
    }

    [TestMethod]
    public void Without_a_non_zero_cover_the_total_is_hidden_and_the_totals_lines_follow()
    {
        // Row a is [5, 0]: no cover, so its total goes; the row-totals line then needs b's total, the
        // column-totals line x's total. The grand total stays: two unknowns in every equation.
        var grid = Grid([[5, 0], [3, 8]], (0, 0), (1, 0));
        SecondarySuppression.Apply(grid);
        Assert.AreEqual("P.|S\nPS|S\nSS|.", Draw(grid));
    }

    [TestMethod]
    public void A_hidden_total_whose_cells_are_all_published_gets_a_cover_in_its_own_row()
    {
        // Row ru has one cell and its total hidden by the primary rules. The row-totals line covers with
        // cn's total, but cn's cells are all published, so cn's total would simply be their sum: hide 65.
        var grid = Grid([[65, 0], [0, 2]], (1, 1));
        grid.Row(1).Reason = SuppressionReasons.Threshold;
        grid.Column(1).Reason = SuppressionReasons.Threshold;
        SecondarySuppression.Apply(grid);
        Assert.AreEqual("S.|S\n.P|P\nSP|.", Draw(grid));
    }

    [TestMethod]
    public void A_grid_without_primaries_is_untouched()
    {
        var grid = Grid([[1, 2], [3, 4]]);
        SecondarySuppression.Apply(grid);
        Assert.AreEqual("..|.\n..|.\n..|.", Draw(grid));
        Assert.AreEqual(10L, grid.Total.Sum);
    }
}
