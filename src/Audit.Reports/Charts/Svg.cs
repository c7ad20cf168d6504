using System.Text;
using Audit.Reports.Rendering;

namespace Audit.Reports.Charts;

/// <summary>
/// A minimal SVG writer. Coordinates are written with the invariant culture and at most two decimals, so the
/// same data gives the same bytes on every machine; all text is escaped.
/// </summary>
internal sealed class Svg
{
    /// <summary>Chart text in user units; see <see cref="ChartLayout"/> for the size it prints at.</summary>
    public const double FontSize = 14;

    /// <summary>The distance between the baselines of wrapped lines.</summary>
    public const double LineHeight = 18;

    private readonly StringBuilder builder = new();

    public static string N(double value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    public Svg Rect(double x, double y, double width, double height, string fill, string? stroke = null, double strokeWidth = 1)
    {
        builder.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(width, 0))}\" height=\"{N(height)}\" fill=\"{fill}\"");
        if (stroke is not null)
        {
            builder.Append($" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"");
        }
        builder.Append("/>\n");
        return this;
    }

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        builder.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"");
        if (dash is not null)
        {
            builder.Append($" stroke-dasharray=\"{dash}\"");
        }
        builder.Append("/>\n");
        return this;
    }

    public Svg Polygon(string fill, string? stroke, params (double X, double Y)[] points)
    {
        builder.Append("<polygon points=\"")
            .AppendJoin(' ', points.Select(p => N(p.X) + "," + N(p.Y)))
            .Append($"\" fill=\"{fill}\"");
        if (stroke is not null)
        {
            builder.Append($" stroke=\"{stroke}\" stroke-width=\"1\"");
        }
        builder.Append("/>\n");
        return this;
    }

    /// <summary>Text with its baseline centred on <paramref name="y"/>; anchor is start, middle or end.</summary>
    public Svg Text(double x, double y, string text, string fill = ChartPalette.Ink, string anchor = "start", bool bold = false)
    {
        builder.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" fill=\"{fill}\" font-size=\"{N(FontSize)}\" dominant-baseline=\"central\"");
        if (anchor != "start")
        {
            builder.Append($" text-anchor=\"{anchor}\"");
        }
        if (bold)
        {
            builder.Append(" font-weight=\"bold\"");
        }
        builder.Append('>').Append(HtmlText.Encode(text)).Append("</text>\n");
        return this;
    }

    /// <summary>Appends what another writer drew (drawn later, so on top of what this one holds).</summary>
    public Svg Append(Svg other)
    {
        builder.Append(other.builder);
        return this;
    }

    /// <summary>Wraps the drawn elements in an accessible &lt;svg&gt;: role="img", labelled by its title and desc.</summary>
    public string Wrap(string id, double width, double height, string title, string description) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" " +
        $"viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" font-family=\"Arial, Helvetica, sans-serif\">\n" +
        $"<title id=\"{id}-title\">{HtmlText.Encode(title)}</title>\n" +
        $"<desc id=\"{id}-desc\">{HtmlText.Encode(description)}</desc>\n" +
        builder +
        "</svg>\n";

    /// <summary>
    /// Several lines of text, the first centred on <paramref name="y"/>, each a &lt;tspan&gt; one
    /// <see cref="LineHeight"/> below the previous one. A label is wrapped, never cut: the reader gets all of it.
    /// </summary>
    public Svg Lines(double x, double y, IReadOnlyList<string> lines, string fill = ChartPalette.Ink, string anchor = "start")
    {
        if (lines.Count == 1)
        {
            return Text(x, y, lines[0], fill, anchor);
        }
        builder.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" fill=\"{fill}\" font-size=\"{N(FontSize)}\" dominant-baseline=\"central\"");
        if (anchor != "start")
        {
            builder.Append($" text-anchor=\"{anchor}\"");
        }
        builder.Append('>');
        for (var i = 0; i < lines.Count; i++)
        {
            builder.Append($"<tspan x=\"{N(x)}\" dy=\"{(i == 0 ? "0" : N(LineHeight))}\">").Append(HtmlText.Encode(lines[i])).Append("</tspan>");
        }
        builder.Append("</text>\n");
        return this;
    }

    /// <summary>The height <paramref name="lines"/> lines of text take, from the top of the first to the bottom of the last.</summary>
    public static double LinesHeight(int lines) => FontSize + ((lines - 1) * LineHeight);

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/> (by <see cref="TextWidth"/>):
    /// at spaces, and inside a word only when the word alone is too wide. Nothing is dropped.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double maxWidth)
    {
        var maxChars = Math.Max(1, (int)Math.Floor(maxWidth / CharWidth));
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var candidate = line.Length == 0 ? rest : line + " " + rest;
                if (candidate.Length <= maxChars)
                {
                    line = candidate;
                    rest = "";
                }
                else if (line.Length > 0)
                {
                    lines.Add(line);
                    line = "";
                }
                else
                {
                    lines.Add(rest[..maxChars]);
                    rest = rest[maxChars..];
                }
            }
        }
        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }
        return lines;
    }

    // Arial averages about 0.5 em per character in Dutch and English text; 0.6 em leaves room for capitals and wide
    // letters, so an estimated line is never wider than the space it was given.
    private const double CharWidth = FontSize * 0.6;

    /// <summary>A width estimate for laying out labels without measuring fonts (which would not be deterministic).</summary>
    public static double TextWidth(string text) => text.Length * CharWidth;
}
