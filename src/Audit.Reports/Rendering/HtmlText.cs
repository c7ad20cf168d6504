using System.Text;

namespace Audit.Reports.Rendering;

/// <summary>
/// Escapes text for HTML element content and quoted attribute values alike, so a template need not know which
/// context it writes into. Only the five significant characters are replaced; everything else (é, €, ×) stays
/// readable, unlike <see cref="System.Net.WebUtility.HtmlEncode(string)"/> which turns Latin-1 into numeric entities.
/// The result is also valid XML, so the same function serves the SVG charts.
/// </summary>
public static class HtmlText
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }
}
