using System.Text;
using Audit.Reports.Rendering;

namespace Audit.Reports.Charts;

/// <summary>
/// A minimal SVG writer. Coordinates are written with the invariant culture and at most two decimals, so the
/// same data gives the same bytes on every machine; all text is escaped.
/// </summary>
internal sealed class Svg
{
    public const string FontSize = "12";

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
        builder.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" fill=\"{fill}\" font-size=\"{FontSize}\" dominant-baseline=\"central\"");
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

    /// <summary>Wraps the drawn elements in an accessible &lt;svg&gt;: role="img", labelled by its title and desc.</summary>
    public string Wrap(string id, double width, double height, string title, string description) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" " +
        $"viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" font-family=\"Arial, Helvetica, sans-serif\">\n" +
        $"<title id=\"{id}-title\">{HtmlText.Encode(title)}</title>\n" +
        $"<desc id=\"{id}-desc\">{HtmlText.Encode(description)}</desc>\n" +
        builder +
        "</svg>\n";

    /// <summary>Shortens a label drawn in the chart; the data table below always has it in full.</summary>
    public static string Clip(string text, int maxChars) =>
        text.Length <= maxChars ? text : text[..(maxChars - 1)].TrimEnd() + "…";

    /// <summary>A width estimate for laying out legends without measuring fonts (which would not be deterministic).</summary>
    public static double TextWidth(string text) => text.Length * 6.6;
}
