namespace Audit.Core.Disclosure;

/// <summary>One publishable figure of a grid: a cell, a row or column total, or the grand total.</summary>
public sealed class GridItem
{
    public long Sum { get; set; }

    /// <summary>Null while the figure is publishable.</summary>
    public string? Reason { get; set; }

    public bool Suppressed => Reason is not null;
}

/// <summary>
/// A grid's figures with their suppression state, as input to <see cref="SecondarySuppression"/>.
/// Rows and columns are in definition order.
/// </summary>
public sealed class SuppressionGrid
{
    private readonly GridItem[] _cells;
    private readonly GridItem[] _rows;
    private readonly GridItem[] _columns;

    public SuppressionGrid(int rowCount, int columnCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        RowCount = rowCount;
        ColumnCount = columnCount;
        _cells = NewItems(rowCount * columnCount);
        _rows = NewItems(rowCount);
        _columns = NewItems(columnCount);
    }

    public int RowCount { get; }

    public int ColumnCount { get; }

    public GridItem Total { get; } = new();

    public GridItem Cell(int row, int column) => _cells[row * ColumnCount + column];

    public GridItem Row(int row) => _rows[row];

    public GridItem Column(int column) => _columns[column];

    /// <summary>A grid whose totals are the sums of the given cell sums (jagged: [row][column]).</summary>
    public static SuppressionGrid FromCellSums(IReadOnlyList<IReadOnlyList<long>> cellSums)
    {
        ArgumentNullException.ThrowIfNull(cellSums);
        var columns = cellSums.Count == 0 ? 0 : cellSums[0].Count;
        var grid = new SuppressionGrid(cellSums.Count, columns);
        for (var r = 0; r < grid.RowCount; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var sum = cellSums[r][c];
                grid.Cell(r, c).Sum = sum;
                grid.Row(r).Sum += sum;
                grid.Column(c).Sum += sum;
                grid.Total.Sum += sum;
            }
        }
        return grid;
    }

    /// <summary>
    /// The additive lines: every row and column against its total, and the row-totals and column-totals
    /// vectors against the grand total.
    /// </summary>
    internal IEnumerable<(IReadOnlyList<GridItem> Members, GridItem Total)> Lines()
    {
        for (var r = 0; r < RowCount; r++)
        {
            yield return (_cells.AsSpan(r * ColumnCount, ColumnCount).ToArray(), _rows[r]);
        }
        for (var c = 0; c < ColumnCount; c++)
        {
            var column = new GridItem[RowCount];
            for (var r = 0; r < RowCount; r++)
            {
                column[r] = Cell(r, c);
            }
            yield return (column, _columns[c]);
        }
        yield return (_rows, Total);
        yield return (_columns, Total);
    }

    private static GridItem[] NewItems(int count)
    {
        var items = new GridItem[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = new GridItem();
        }
        return items;
    }
}
