using System.Text;
using Audit.Reports.Rendering;

namespace Audit.Reports.Charts;

/// <summary>One segment kind of a stacked bar: an answer option with its colour.</summary>
public sealed record BarCategory(string Key, string Label, string Color);

/// <summary>
/// One bar: a count and a percentage (0–100, as the sector view publishes it) per category, in category order.
/// <see cref="OwnIndex"/> marks the segment holding the institution's own answer, if any.
/// </summary>
public sealed record BarRow(string Label, IReadOnlyList<int> Counts, IReadOnlyList<decimal> Percents, int? OwnIndex = null);

public sealed record StackedBarData(
    string Title,
    string Description,
    string RowHeader,
    IReadOnlyList<BarCategory> Categories,
    IReadOnlyList<BarRow> Rows);

/// <summary>
/// Horizontal 100% stacked bars: one bar per row, segment widths from the counts. With one unlabelled row it is
/// the distribution of a single question; with several it compares options (multi choice) or questions.
/// </summary>
internal static class StackedBarChart
{
    private const double BarHeight = 26;
    private const double MarkerSpace = 12;
    private const double RowGap = 10;
    private const double Pad = 8;
    private const double MinLabelledSegment = 44;

    public static string Render(StackedBarData data, ChartPlacement placement, ChartLabels labels) =>
        ChartFigure.Compose(placement, Draw(data, placement.Id, labels, ChartLayout.Print), Table(data, labels), labels);

    /// <summary>The SVG alone, for a page that puts its own table next to it.</summary>
    public static string Draw(StackedBarData data, string id, ChartLabels labels, ChartLayout layout)
    {
        if (data.Rows.Any(r => r.Counts.Count != data.Categories.Count || r.Percents.Count != data.Categories.Count))
        {
            throw new ArgumentException("Every bar needs one count and one percentage per category.", nameof(data));
        }
        var labelled = data.Rows.Count > 1 || data.Rows.Any(r => r.Label.Length > 0);
        var besides = labelled && !layout.LabelsAbove;
        var hasOwn = data.Rows.Any(r => r.OwnIndex is not null);
        var barLeft = besides ? layout.LabelColumn : Pad;
        var barWidth = layout.Width - barLeft - Pad;
        var svg = new Svg();
        var y = Pad;
        foreach (var row in data.Rows)
        {
            var lines = labelled ? Svg.Wrap(row.Label, besides ? barLeft - 8 - Pad : layout.Width - (2 * Pad)) : [];
            if (labelled && layout.LabelsAbove)
            {
                svg.Lines(Pad, y + (Svg.FontSize / 2), lines);
                y += Svg.LinesHeight(lines.Count) + 2;
            }
            var barTop = y + (hasOwn ? MarkerSpace : 0);
            var rowBottom = barTop + BarHeight;
            if (besides)
            {
                // A long label is wrapped around the bar's middle; a label taller than the bar pushes the next row down.
                var labelHeight = Svg.LinesHeight(lines.Count);
                var labelTop = Math.Max(y, barTop + (BarHeight / 2) - (labelHeight / 2));
                svg.Lines(barLeft - 8, labelTop + (Svg.FontSize / 2), lines, anchor: "end");
                rowBottom = Math.Max(rowBottom, labelTop + labelHeight);
            }
            DrawBar(svg, row, data.Categories, barLeft, barTop, barWidth, labels);
            y = rowBottom + RowGap;
        }
        var height = DrawLegend(svg, data.Categories, hasOwn, y + 4, labels, layout) + Pad;
        return svg.Wrap(id, layout.Width, height, data.Title, data.Description);
    }

    private static void DrawBar(Svg svg, BarRow row, IReadOnlyList<BarCategory> categories, double left, double top, double width, ChartLabels labels)
    {
        var total = row.Counts.Sum();
        if (total == 0)
        {
            svg.Rect(left, top, width, BarHeight, ChartPalette.EmptyFill, ChartPalette.NotApplicable);
            svg.Text(left + (width / 2), top + (BarHeight / 2), labels["no_answers"], anchor: "middle");
            return;
        }
        var x = left;
        for (var i = 0; i < categories.Count; i++)
        {
            if (row.Counts[i] == 0)
            {
                continue;
            }
            var segment = width * row.Counts[i] / total;
            var fill = categories[i].Color;
            // A white edge keeps neighbouring segments apart for readers who cannot tell the colours apart.
            svg.Rect(x, top, segment, BarHeight, fill, ChartPalette.Page);
            if (segment >= MinLabelledSegment)
            {
                svg.Text(x + (segment / 2), top + (BarHeight / 2), labels.Format.Percent(row.Percents[i], 0), ChartPalette.TextOn(fill), "middle");
            }
            if (row.OwnIndex == i)
            {
                var centre = x + (segment / 2);
                svg.Polygon(ChartPalette.Ink, null, (centre - 6, top - MarkerSpace + 1), (centre + 6, top - MarkerSpace + 1), (centre, top - 1));
            }
            x += segment;
        }
    }

    private static double DrawLegend(Svg svg, IReadOnlyList<BarCategory> categories, bool hasOwn, double top, ChartLabels labels, ChartLayout layout)
    {
        var items = categories.Select(c => new LegendItem(c.Label, (x, y) => svg.Rect(x, y, 14, 14, c.Color))).ToList();
        if (hasOwn)
        {
            items.Add(new(labels["own_answer"], (x, y) => svg.Polygon(ChartPalette.Ink, null, (x, y + 2), (x + 14, y + 2), (x + 7, y + 14))));
        }
        return Legend.Draw(svg, items, top, layout.Width, Pad);
    }

    private static string Table(StackedBarData data, ChartLabels labels)
    {
        var table = new StringBuilder("<table class=\"data\">\n");
        var own = " (" + labels["own_answer"] + ")";
        if (data.Rows.Count == 1 && data.Rows[0].Label.Length == 0)
        {
            // One bar: a row per option is easier to read than one wide row.
            var row = data.Rows[0];
            table.Append($"<thead><tr><th scope=\"col\">{HtmlText.Encode(data.RowHeader)}</th><th scope=\"col\">{HtmlText.Encode(labels["count"])}</th><th scope=\"col\">{HtmlText.Encode(labels["percent"])}</th></tr></thead>\n<tbody>\n");
            for (var i = 0; i < data.Categories.Count; i++)
            {
                var name = data.Categories[i].Label + (row.OwnIndex == i ? own : "");
                table.Append($"<tr><th scope=\"row\">{HtmlText.Encode(name)}</th><td>{labels.Format.Number(row.Counts[i])}</td><td>{labels.Format.Percent(row.Percents[i])}</td></tr>\n");
            }
        }
        else
        {
            table.Append($"<thead><tr><th scope=\"col\">{HtmlText.Encode(data.RowHeader)}</th>");
            foreach (var category in data.Categories)
            {
                table.Append($"<th scope=\"col\">{HtmlText.Encode(category.Label)}</th>");
            }
            table.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in data.Rows)
            {
                table.Append($"<tr><th scope=\"row\">{HtmlText.Encode(row.Label + (row.OwnIndex is not null ? own : ""))}</th>");
                for (var i = 0; i < data.Categories.Count; i++)
                {
                    table.Append($"<td>{labels.Format.Number(row.Counts[i])} ({labels.Format.Percent(row.Percents[i])})</td>");
                }
                table.Append("</tr>\n");
            }
        }
        return table.Append("</tbody>\n</table>\n").ToString();
    }
}
