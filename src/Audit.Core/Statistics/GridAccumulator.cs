using Audit.Core.Disclosure;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;

namespace Audit.Core.Statistics;

/// <summary>
/// grid: per cell, per row total, per column total and for the grand total, a <see cref="ContributionTally"/>
/// of the institutions' contributions. Totals are tallied per institution (its row sum, its column sum, its
/// grand sum), because the primary rules judge a total by who contributed to it, not by its cells.
/// </summary>
internal sealed class GridAccumulator : QuestionAccumulator
{
    private readonly DisclosureSettings _settings;
    private readonly string[] _rows;
    private readonly string[] _columns;
    private readonly ContributionTally[] _cells;
    private readonly ContributionTally[] _rowTotals;
    private readonly ContributionTally[] _columnTotals;
    private readonly ContributionTally _total;

    // One institution's answer, reused per Add so a grid costs no allocation per institution.
    private readonly long[] _answer;

    public GridAccumulator(Question question, DisclosureSettings settings)
        : base(question)
    {
        _settings = settings;
        _rows = question.Rows.Select(r => r.Key).ToArray();
        _columns = question.Columns.Select(c => c.Key).ToArray();
        var topN = settings.EffectiveDominance.N;
        _cells = Tallies(_rows.Length * _columns.Length, topN);
        _rowTotals = Tallies(_rows.Length, topN);
        _columnTotals = Tallies(_columns.Length, topN);
        _total = new ContributionTally(topN);
        _answer = new long[_cells.Length];
    }

    protected override bool Accept(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        Array.Clear(_answer);
        for (var r = 0; r < _rows.Length; r++)
        {
            if (!value.TryGetProperty(_rows[r], out var row) || row.ValueKind != JsonValueKind.Object)
            {
                continue; // a missing row is all zeros
            }
            for (var c = 0; c < _columns.Length; c++)
            {
                if (row.TryGetProperty(_columns[c], out var cell) && AnswerReader.TryReadCount(cell, out var count))
                {
                    _answer[r * _columns.Length + c] = count;
                }
            }
        }

        var grand = 0L;
        for (var r = 0; r < _rows.Length; r++)
        {
            var rowSum = 0L;
            for (var c = 0; c < _columns.Length; c++)
            {
                var count = _answer[r * _columns.Length + c];
                _cells[r * _columns.Length + c].Add(count);
                rowSum = checked(rowSum + count);
            }
            _rowTotals[r].Add(rowSum);
            grand = checked(grand + rowSum);
        }
        for (var c = 0; c < _columns.Length; c++)
        {
            var columnSum = 0L;
            for (var r = 0; r < _rows.Length; r++)
            {
                columnSum = checked(columnSum + _answer[r * _columns.Length + c]);
            }
            _columnTotals[c].Add(columnSum);
        }
        _total.Add(grand);
        return true; // an all-zero grid is an answer ("none of these")
    }

    protected override QuestionStatistics Describe()
    {
        var grid = new SuppressionGrid(_rows.Length, _columns.Length);
        for (var r = 0; r < _rows.Length; r++)
        {
            for (var c = 0; c < _columns.Length; c++)
            {
                Judge(grid.Cell(r, c), _cells[r * _columns.Length + c]);
            }
            Judge(grid.Row(r), _rowTotals[r]);
        }
        for (var c = 0; c < _columns.Length; c++)
        {
            Judge(grid.Column(c), _columnTotals[c]);
        }
        Judge(grid.Total, _total);
        SecondarySuppression.Apply(grid);

        var cells = new List<GridCell>(_cells.Length);
        for (var r = 0; r < _rows.Length; r++)
        {
            for (var c = 0; c < _columns.Length; c++)
            {
                var item = grid.Cell(r, c);
                var tally = _cells[r * _columns.Length + c];
                cells.Add(new GridCell(_rows[r], _columns[c], item.Sum, tally.Contributors, item.Suppressed, item.Reason));
            }
        }
        return Counts() with
        {
            Cells = cells,
            RowTotals = _rows.Select((row, r) => new GridRowTotal(
                row, grid.Row(r).Sum, _rowTotals[r].Contributors, grid.Row(r).Suppressed, grid.Row(r).Reason)).ToList(),
            ColumnTotals = _columns.Select((column, c) => new GridColumnTotal(
                column, grid.Column(c).Sum, _columnTotals[c].Contributors, grid.Column(c).Suppressed, grid.Column(c).Reason)).ToList(),
            Total = new GridTotal(grid.Total.Sum, _total.Contributors, grid.Total.Suppressed, grid.Total.Reason),
        };
    }

    private void Judge(GridItem item, ContributionTally tally)
    {
        item.Sum = tally.Sum;
        item.Reason = PrimarySuppression.Check(tally, _settings);
    }

    private static ContributionTally[] Tallies(int count, int topN)
    {
        var tallies = new ContributionTally[count];
        for (var i = 0; i < count; i++)
        {
            tallies[i] = new ContributionTally(topN);
        }
        return tallies;
    }
}
