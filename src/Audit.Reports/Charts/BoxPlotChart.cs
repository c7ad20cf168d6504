using System.Text;
using Audit.Reports.Rendering;

namespace Audit.Reports.Charts;

/// <summary>One box: the sector's quartiles of a score, and optionally the institution's own score.</summary>
public sealed record BoxRow(string Label, int N, decimal Q1, decimal Median, decimal Q3, decimal? Own = null, decimal? Norm = null);

public sealed record BoxPlotData(string Title, string Description, string RowHeader, decimal ScaleMin, decimal ScaleMax, IReadOnlyList<BoxRow> Rows);

/// <summary>
/// Horizontal box plots on a shared scale: the box spans Q1–Q3 with a line at the median. Min and max are never
/// published (they would reveal single institutions), so there are no whiskers. The institution's own score is a
/// diamond, a norm a dashed line.
/// </summary>
internal static class BoxPlotChart
{
    private const double BoxHeight = 20;
    private const double Pad = 8;
    private const double AxisHeight = 28;

    /// <summary>The narrowest box drawn, in user units: equal quartiles still show a box around the median mark.</summary>
    public const double MinimumBoxWidth = 10;

    /// <summary>How far the median mark reaches above and below the box, so it shows even on a narrow box.</summary>
    public const double MedianOverhang = 5;

    public static string Render(BoxPlotData data, ChartPlacement placement, ChartLabels labels) =>
        ChartFigure.Compose(placement, Draw(data, placement.Id, labels, ChartLayout.Print), Table(data, labels), labels);

    /// <summary>The SVG alone, for a page that puts its own table next to it.</summary>
    public static string Draw(BoxPlotData data, string id, ChartLabels labels, ChartLayout layout)
    {
        if (data.ScaleMax <= data.ScaleMin)
        {
            throw new ArgumentException("The scale must have a positive range.", nameof(data));
        }
        var labelled = data.Rows.Any(r => r.Label.Length > 0);
        var besides = labelled && !layout.LabelsAbove;
        var left = besides ? layout.LabelColumn : 24.0;
        var right = layout.Width - 24;
        double X(decimal value) => left + ((right - left) * (double)((Math.Clamp(value, data.ScaleMin, data.ScaleMax) - data.ScaleMin) / (data.ScaleMax - data.ScaleMin)));

        // Rows first (their heights depend on wrapped labels), the grid behind them afterwards in the same SVG order.
        var rows = new Svg();
        var y = Pad;
        foreach (var row in data.Rows)
        {
            var lines = labelled
                ? Svg.Wrap(row.Label, besides ? left - 12 - Pad : layout.Width - (2 * Pad))
                : [];
            var height = layout.RowHeight;
            if (labelled && layout.LabelsAbove)
            {
                rows.Lines(Pad, y + (Svg.FontSize / 2), lines);
                y += Svg.LinesHeight(lines.Count) + 4;
            }
            else if (labelled)
            {
                height = Math.Max(layout.RowHeight, Svg.LinesHeight(lines.Count) + 12);
            }
            var middle = y + (height / 2);
            if (besides)
            {
                rows.Lines(left - 12, middle - ((Svg.LinesHeight(lines.Count) - Svg.FontSize) / 2), lines, anchor: "end");
            }
            DrawBox(rows, row, X, middle);
            if (row.Norm is { } norm)
            {
                rows.Line(X(norm), middle - (layout.RowHeight / 2) + 2, X(norm), middle + (layout.RowHeight / 2) - 2, ChartPalette.Ink, 1.5, "4 3");
            }
            if (row.Own is { } own)
            {
                var x = X(own);
                rows.Polygon(ChartPalette.OwnMarker, ChartPalette.Ink, (x, middle - 8), (x + 8, middle), (x, middle + 8), (x - 8, middle));
            }
            y += height;
        }
        var svg = new Svg();
        DrawAxis(svg, data, X, Pad, y, labels);
        svg.Append(rows);
        var chartHeight = DrawLegend(svg, data, y + AxisHeight + 6, labels, layout) + Pad;
        return svg.Wrap(id, layout.Width, chartHeight, data.Title, data.Description);
    }

    internal static void DrawBox(Svg svg, BoxRow row, Func<decimal, double> x, double middle)
    {
        // Equal (or nearly equal) quartiles would collapse the box into a line hidden behind the median: the box keeps
        // a minimum width, centred on the quartiles, and the median mark reaches beyond it.
        var boxLeft = x(row.Q1);
        var boxWidth = x(row.Q3) - boxLeft;
        if (boxWidth < MinimumBoxWidth)
        {
            boxLeft -= (MinimumBoxWidth - boxWidth) / 2;
            boxWidth = MinimumBoxWidth;
        }
        svg.Rect(boxLeft, middle - (BoxHeight / 2), boxWidth, BoxHeight, ChartPalette.BoxFill, ChartPalette.BoxStroke, 2);
        var median = x(row.Median);
        svg.Line(median, middle - (BoxHeight / 2) - MedianOverhang, median, middle + (BoxHeight / 2) + MedianOverhang, ChartPalette.Ink, 3);
    }

    private static void DrawAxis(Svg svg, BoxPlotData data, Func<decimal, double> x, double top, double bottom, ChartLabels labels)
    {
        var span = data.ScaleMax - data.ScaleMin;
        var step = span <= 10 ? 1m : Math.Ceiling(span / 10);
        for (var tick = data.ScaleMin; tick <= data.ScaleMax; tick += step)
        {
            svg.Line(x(tick), top, x(tick), bottom, ChartPalette.Gridline);
            svg.Text(x(tick), bottom + 14, labels.Format.Number(tick), anchor: "middle");
        }
        svg.Line(x(data.ScaleMin), bottom, x(data.ScaleMax), bottom, ChartPalette.Ink);
    }

    private static double DrawLegend(Svg svg, BoxPlotData data, double top, ChartLabels labels, ChartLayout layout)
    {
        var items = new List<LegendItem>
        {
            new(labels["box_legend"], (sx, sy) => svg.Rect(sx, sy, 14, 12, ChartPalette.BoxFill, ChartPalette.BoxStroke, 2)),
            new(labels["median"], (sx, sy) => svg.Line(sx + 7, sy - 1, sx + 7, sy + 13, ChartPalette.Ink, 3)),
        };
        if (data.Rows.Any(r => r.Own is not null))
        {
            items.Add(new(labels["own_score"], (sx, sy) => svg.Polygon(ChartPalette.OwnMarker, ChartPalette.Ink, (sx + 7, sy - 1), (sx + 14, sy + 6), (sx + 7, sy + 13), (sx, sy + 6))));
        }
        if (data.Rows.Any(r => r.Norm is not null))
        {
            items.Add(new(labels["norm"], (sx, sy) => svg.Line(sx + 7, sy - 1, sx + 7, sy + 13, ChartPalette.Ink, 1.5, "4 3")));
        }
        return Legend.Draw(svg, items, top, layout.Width, Pad);
    }

    private static string Table(BoxPlotData data, ChartLabels labels)
    {
        var hasOwn = data.Rows.Any(r => r.Own is not null);
        var hasNorm = data.Rows.Any(r => r.Norm is not null);
        var f = labels.Format;
        var table = new StringBuilder("<table class=\"data\">\n<thead><tr>");
        foreach (var header in new[] { data.RowHeader, labels["n"], labels["q1"], labels["median"], labels["q3"] }
                     .Concat(hasOwn ? [labels["own_score"]] : [])
                     .Concat(hasNorm ? [labels["norm"]] : []))
        {
            table.Append($"<th scope=\"col\">{HtmlText.Encode(header)}</th>");
        }
        table.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in data.Rows)
        {
            table.Append($"<tr><th scope=\"row\">{HtmlText.Encode(row.Label)}</th><td>{f.Number(row.N)}</td><td>{f.Number(row.Q1)}</td><td>{f.Number(row.Median)}</td><td>{f.Number(row.Q3)}</td>");
            if (hasOwn)
            {
                table.Append($"<td>{f.Number(row.Own)}</td>");
            }
            if (hasNorm)
            {
                table.Append($"<td>{f.Number(row.Norm)}</td>");
            }
            table.Append("</tr>\n");
        }
        return table.Append("</tbody>\n</table>\n").ToString();
    }
}
