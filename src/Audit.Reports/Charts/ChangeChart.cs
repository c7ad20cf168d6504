using System.Text;
using Audit.Reports.Models;
using Audit.Reports.Rendering;

namespace Audit.Reports.Charts;

/// <summary>
/// One type's change since its baseline round: per theme the baseline median (open circle) and this round's median
/// (filled circle) on the theme-score scale 0–5, joined by a line. A side that is withheld shows "×". The figures
/// follow as a table with the change, so the chart is never the only carrier of a number.
/// </summary>
internal static class ChangeChart
{
    private const double Pad = 8;
    private const double RowHeight = 32;

    public static string Render(DevelopmentSector sector, ChartPlacement placement, ChartLabels labels)
    {
        var t = labels.Texts;
        var type = t["institution_types." + sector.InstitutionType];
        var title = labels.Format.Fill(t["national.change_chart_title"], type, sector.BaselineTitle);
        var description = labels.Format.Fill(t["national.change_chart_desc"], type, sector.BaselineTitle);
        return $"<div class=\"chart chart-change\" id=\"{placement.Id}\">\n{Draw(sector, placement.Id, title, description, labels)}</div>\n{Table(sector, title, labels)}";
    }

    private static string Draw(DevelopmentSector sector, string id, string title, string description, ChartLabels labels)
    {
        var layout = ChartLayout.Print;
        var left = layout.LabelColumn;
        var right = layout.Width - 24;
        double X(decimal value) => left + ((right - left) * (double)(Math.Clamp(value, 0, 5) / 5));
        var rows = new Svg();
        var y = Pad;
        foreach (var theme in sector.Themes)
        {
            var lines = Svg.Wrap(theme.Title, left - 12 - Pad);
            var height = Math.Max(RowHeight, Svg.LinesHeight(lines.Count) + 12);
            var middle = y + (height / 2);
            rows.Lines(left - 12, middle - ((Svg.LinesHeight(lines.Count) - Svg.FontSize) / 2), lines, anchor: "end");
            var baseline = theme.Trend is { BaselineWithheld: false, BaselineMedian: { } b } ? b : (decimal?)null;
            if (baseline is { } from && theme.CurrentMedian is { } to)
            {
                rows.Line(X(from), middle, X(to), middle, ChartPalette.BoxStroke, 3);
            }
            if (baseline is { } before)
            {
                Circle(rows, X(before), middle, filled: false);
            }
            if (theme.CurrentMedian is { } now)
            {
                Circle(rows, X(now), middle, filled: true);
            }
            if (baseline is null || theme.CurrentMedian is null)
            {
                rows.Text(right, middle, labels.Texts["suppression.symbol"], ChartPalette.NotApplicable, anchor: "end");
            }
            y += height;
        }
        var svg = new Svg();
        for (var tick = 0; tick <= 5; tick++)
        {
            svg.Line(X(tick), Pad, X(tick), y, ChartPalette.Gridline);
            svg.Text(X(tick), y + 14, labels.Format.Number(tick), anchor: "middle");
        }
        svg.Line(X(0), y, X(5), y, ChartPalette.Ink);
        svg.Append(rows);
        var items = new List<LegendItem>
        {
            new(labels.Format.Fill(labels.Texts["national.change_baseline"], sector.BaselineTitle), (sx, sy) => Circle(svg, sx + 7, sy + 6, filled: false)),
            new(labels.Texts["national.change_current"], (sx, sy) => Circle(svg, sx + 7, sy + 6, filled: true)),
        };
        var height2 = Legend.Draw(svg, items, y + 34, layout.Width, Pad) + Pad;
        return svg.Wrap(id, layout.Width, height2, title, description);
    }

    private static void Circle(Svg svg, double x, double y, bool filled)
    {
        // An octagon reads as a dot at this size and keeps the SVG writer to the shapes it already has.
        const double r = 6;
        const double k = r * 0.414;
        svg.Polygon(filled ? ChartPalette.BoxStroke : ChartPalette.Page, ChartPalette.BoxStroke,
            (x - k, y - r), (x + k, y - r), (x + r, y - k), (x + r, y + k), (x + k, y + r), (x - k, y + r), (x - r, y + k), (x - r, y - k));
    }

    private static string Table(DevelopmentSector sector, string caption, ChartLabels labels)
    {
        var f = labels.Format;
        var t = labels.Texts;
        var x = HtmlText.Encode(t["suppression.symbol"]);
        var table = new StringBuilder($"<table class=\"data change-table\">\n<caption>{HtmlText.Encode(caption)}</caption>\n<thead><tr>");
        foreach (var header in new[] { labels["theme"], f.Fill(t["national.change_baseline"], sector.BaselineTitle), t["national.change_current"], t["trend.change"] })
        {
            table.Append($"<th scope=\"col\">{HtmlText.Encode(header)}</th>");
        }
        table.Append("</tr></thead>\n<tbody>\n");
        var withheld = false;
        foreach (var theme in sector.Themes)
        {
            var trend = theme.Trend;
            var baselineWithheld = trend is null || trend.BaselineWithheld;
            var deltaWithheld = trend is null || trend.DeltaWithheld || theme.CurrentMedian is null;
            withheld |= baselineWithheld || deltaWithheld || theme.CurrentMedian is null;
            table.Append($"<tr><th scope=\"row\">{HtmlText.Encode(theme.Title)}</th>")
                .Append($"<td>{(baselineWithheld ? x : f.Number(trend!.BaselineMedian))}</td>")
                .Append($"<td>{(theme.CurrentMedian is null ? x : f.Number(theme.CurrentMedian))}</td>")
                .Append($"<td>{(deltaWithheld ? x : f.Delta(trend!.DeltaMedian, null))}</td></tr>\n");
        }
        table.Append("</tbody>\n</table>\n");
        if (withheld)
        {
            table.Append($"<p class=\"footnote\">{HtmlText.Encode(t["suppression.trend_footnote"])}</p>\n");
        }
        return table.ToString();
    }
}
