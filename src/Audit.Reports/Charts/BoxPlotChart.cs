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
    private const double Width = 640;
    private const double RowHeight = 40;
    private const double BoxHeight = 20;
    private const double Pad = 8;
    private const double AxisHeight = 24;

    public static string Render(BoxPlotData data, ChartPlacement placement, ChartLabels labels) =>
        ChartFigure.Compose(placement, Draw(data, placement.Id, labels), Table(data, labels), labels);

    /// <summary>The SVG alone, for a page that puts its own table next to it.</summary>
    public static string Draw(BoxPlotData data, string id, ChartLabels labels)
    {
        if (data.ScaleMax <= data.ScaleMin)
        {
            throw new ArgumentException("The scale must have a positive range.", nameof(data));
        }
        var labelled = data.Rows.Any(r => r.Label.Length > 0);
        var left = labelled ? 220.0 : 24.0;
        var right = Width - 24;
        double X(decimal value) => left + ((right - left) * (double)((Math.Clamp(value, data.ScaleMin, data.ScaleMax) - data.ScaleMin) / (data.ScaleMax - data.ScaleMin)));

        var svg = new Svg();
        var plotTop = Pad;
        var plotBottom = plotTop + (RowHeight * data.Rows.Count);
        DrawAxis(svg, data, X, plotTop, plotBottom, labels);
        var y = plotTop;
        foreach (var row in data.Rows)
        {
            var middle = y + (RowHeight / 2);
            if (labelled)
            {
                svg.Text(left - 12, middle, Svg.Clip(row.Label, 32), anchor: "end");
            }
            var boxLeft = X(row.Q1);
            // A box with Q1 = Q3 is still drawn, as a sliver, so the median line has something to sit on.
            svg.Rect(boxLeft, middle - (BoxHeight / 2), Math.Max(X(row.Q3) - boxLeft, 2), BoxHeight, ChartPalette.BoxFill, ChartPalette.BoxStroke, 2);
            svg.Line(X(row.Median), middle - (BoxHeight / 2), X(row.Median), middle + (BoxHeight / 2), ChartPalette.Ink, 3);
            if (row.Norm is { } norm)
            {
                svg.Line(X(norm), y + 2, X(norm), y + RowHeight - 2, ChartPalette.Ink, 1.5, "4 3");
            }
            if (row.Own is { } own)
            {
                var x = X(own);
                svg.Polygon(ChartPalette.OwnMarker, ChartPalette.Ink, (x, middle - 8), (x + 8, middle), (x, middle + 8), (x - 8, middle));
            }
            y += RowHeight;
        }
        var height = DrawLegend(svg, data, plotBottom + AxisHeight + 6, labels) + Pad;
        return svg.Wrap(id, Width, height, data.Title, data.Description);
    }

    private static void DrawAxis(Svg svg, BoxPlotData data, Func<decimal, double> x, double top, double bottom, ChartLabels labels)
    {
        var span = data.ScaleMax - data.ScaleMin;
        var step = span <= 10 ? 1m : Math.Ceiling(span / 10);
        for (var tick = data.ScaleMin; tick <= data.ScaleMax; tick += step)
        {
            svg.Line(x(tick), top, x(tick), bottom, ChartPalette.Gridline);
            svg.Text(x(tick), bottom + 12, labels.Format.Number(tick), anchor: "middle");
        }
        svg.Line(x(data.ScaleMin), bottom, x(data.ScaleMax), bottom, ChartPalette.Ink);
    }

    private static double DrawLegend(Svg svg, BoxPlotData data, double top, ChartLabels labels)
    {
        var x = Pad;
        void Item(string text, Action<double> drawSwatch)
        {
            drawSwatch(x);
            svg.Text(x + 20, top + 6, text);
            x += 20 + Svg.TextWidth(text) + 16;
        }
        Item(labels["box_legend"], sx => svg.Rect(sx, top, 14, 12, ChartPalette.BoxFill, ChartPalette.BoxStroke, 2));
        Item(labels["median"], sx => svg.Line(sx + 7, top - 1, sx + 7, top + 13, ChartPalette.Ink, 3));
        if (data.Rows.Any(r => r.Own is not null))
        {
            Item(labels["own_score"], sx => svg.Polygon(ChartPalette.OwnMarker, ChartPalette.Ink, (sx + 7, top - 1), (sx + 14, top + 6), (sx + 7, top + 13), (sx, top + 6)));
        }
        if (data.Rows.Any(r => r.Norm is not null))
        {
            Item(labels["norm"], sx => svg.Line(sx + 7, top - 1, sx + 7, top + 13, ChartPalette.Ink, 1.5, "4 3"));
        }
        return top + 12;
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
