using System.Text;
using Audit.Reports.Models;
using Audit.Reports.Rendering;

namespace Audit.Reports.Charts;

/// <summary>
/// The national report's key-figures chart: for every theme a block with one row per institution type, showing the
/// published interquartile range (box) and median (mark) on the theme-score scale 0–5, and the theme's norm as a
/// dashed line. A type whose theme is withheld shows "×" and says so, never an empty row that reads as zero.
/// The same figures follow as a table, for screen readers and for readers who want the numbers.
/// </summary>
internal static class OverviewChart
{
    private const double Pad = 8;
    private const double RowHeight = 30;
    private const double AxisHeight = 28;

    public static string Render(IReadOnlyList<OverviewTheme> themes, ChartPlacement placement, ChartLabels labels)
    {
        var title = labels.Texts["national.overview_chart_title"];
        var description = labels.Texts["national.overview_chart_desc"];
        return $"<div class=\"chart chart-overview\" id=\"{placement.Id}\">\n{Draw(themes, placement.Id, title, description, labels)}</div>\n{Table(themes, labels)}";
    }

    private static string Draw(IReadOnlyList<OverviewTheme> themes, string id, string title, string description, ChartLabels labels)
    {
        var layout = ChartLayout.Print;
        var left = layout.LabelColumn;
        var right = layout.Width - 24;
        double X(decimal value) => left + ((right - left) * (double)(Math.Clamp(value, 0, 5) / 5));
        var rows = new Svg();
        var y = Pad;
        foreach (var theme in themes)
        {
            var heading = Svg.Wrap(theme.Title, layout.Width - (2 * Pad));
            rows.Lines(Pad, y + (Svg.FontSize / 2), heading);
            y += Svg.LinesHeight(heading.Count) + 6;
            var blockTop = y;
            foreach (var cell in theme.Types)
            {
                var middle = y + (RowHeight / 2);
                rows.Text(left - 12, middle, labels.Texts["institution_types." + cell.InstitutionType], anchor: "end");
                if (cell.Score is { } score)
                {
                    BoxPlotChart.DrawBox(rows, new BoxRow("", score.N, score.Q1, score.Median, score.Q3), X, middle);
                }
                else
                {
                    rows.Text(left + 4, middle, labels.Texts["suppression.symbol"] + " " + labels.Texts["national.not_published"], ChartPalette.NotApplicable);
                }
                y += RowHeight;
            }
            if (theme.Norm is { } norm)
            {
                rows.Line(X(norm), blockTop, X(norm), y, ChartPalette.Ink, 1.5, "4 3");
            }
            y += 10;
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
            new(labels["box_legend"], (sx, sy) => svg.Rect(sx, sy, 14, 12, ChartPalette.BoxFill, ChartPalette.BoxStroke, 2)),
            new(labels["median"], (sx, sy) => svg.Line(sx + 7, sy - 1, sx + 7, sy + 13, ChartPalette.Ink, 3)),
            new(labels["norm"], (sx, sy) => svg.Line(sx + 7, sy - 1, sx + 7, sy + 13, ChartPalette.Ink, 1.5, "4 3")),
        };
        var height = Legend.Draw(svg, items, y + AxisHeight + 6, layout.Width, Pad) + Pad;
        return svg.Wrap(id, layout.Width, height, title, description);
    }

    private static string Table(IReadOnlyList<OverviewTheme> themes, ChartLabels labels)
    {
        var f = labels.Format;
        var t = labels.Texts;
        var x = HtmlText.Encode(t["suppression.symbol"]);
        var table = new StringBuilder($"<table class=\"data overview-table\">\n<caption>{HtmlText.Encode(t["national.overview_table"])}</caption>\n<thead><tr>");
        foreach (var header in new[] { labels["theme"], t["cover.type"], labels["n"], labels["q1"], labels["median"], labels["q3"], labels["norm"], t["themes.meets_norm"] })
        {
            table.Append($"<th scope=\"col\">{HtmlText.Encode(header)}</th>");
        }
        table.Append("</tr></thead>\n<tbody>\n");
        foreach (var theme in themes)
        {
            for (var i = 0; i < theme.Types.Count; i++)
            {
                var cell = theme.Types[i];
                table.Append("<tr>");
                if (i == 0)
                {
                    table.Append($"<th scope=\"rowgroup\" rowspan=\"{theme.Types.Count}\">{HtmlText.Encode(theme.Title)}</th>");
                }
                table.Append($"<th scope=\"row\">{HtmlText.Encode(t["institution_types." + cell.InstitutionType])}</th>");
                table.Append(cell.Score is { } s
                    ? $"<td>{f.Number(s.N)}</td><td>{f.Number(s.Q1)}</td><td>{f.Number(s.Median)}</td><td>{f.Number(s.Q3)}</td>"
                    : $"<td>{x}</td><td>{x}</td><td>{x}</td><td>{x}</td>");
                table.Append($"<td>{f.Number(theme.Norm)}</td><td>{(cell.Suppressed ? x : cell.MeetsNorm is { } m ? f.Percent(m.Percent) : f.Number(null))}</td></tr>\n");
            }
        }
        table.Append("</tbody>\n</table>\n");
        if (themes.Any(th => th.Types.Any(c => c.Suppressed)))
        {
            table.Append($"<p class=\"footnote\">{HtmlText.Encode(t["national.overview_footnote"])}</p>\n");
        }
        return table.ToString();
    }
}
