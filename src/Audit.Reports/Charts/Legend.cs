namespace Audit.Reports.Charts;

/// <summary>One legend entry: its label and a function drawing its 14×12 swatch with the top-left corner at (x, y).</summary>
internal sealed record LegendItem(string Label, Action<double, double> DrawSwatch);

/// <summary>
/// A legend that flows its items left to right and wraps: to the next line when an item does not fit, and a long label
/// onto several lines of its own. Nothing is cut, whatever the width of the chart.
/// </summary>
internal static class Legend
{
    private const double Swatch = 14;
    private const double Gap = 6;
    private const double Spacing = 16;
    private const double LineGap = 8;

    /// <summary>Draws the items from <paramref name="top"/>; returns the y of the legend's bottom edge.</summary>
    public static double Draw(Svg svg, IReadOnlyList<LegendItem> items, double top, double width, double pad)
    {
        // On a wide chart a label gets at most half the width, so a long one wraps into a compact block beside the
        // others instead of taking a whole line; a narrow chart gives every label the full width.
        var room = width - (2 * pad);
        var textRoom = (width >= 480 ? (room / 2) - Spacing : room) - Swatch - Gap;
        var cursor = pad;
        var line = top;
        var lineHeight = 0.0;
        foreach (var item in items)
        {
            var lines = Svg.Wrap(item.Label, textRoom);
            var itemWidth = Swatch + Gap + lines.Max(Svg.TextWidth);
            var itemHeight = Math.Max(Swatch, Svg.LinesHeight(lines.Count));
            if (cursor > pad && cursor + itemWidth > width - pad)
            {
                cursor = pad;
                line += lineHeight + LineGap;
                lineHeight = 0;
            }
            item.DrawSwatch(cursor, line);
            svg.Lines(cursor + Swatch + Gap, line + (Swatch / 2) - 1, lines);
            cursor += itemWidth + Spacing;
            lineHeight = Math.Max(lineHeight, itemHeight);
        }
        return line + lineHeight;
    }
}
