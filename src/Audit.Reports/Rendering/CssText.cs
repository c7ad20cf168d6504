using System.Text;

namespace Audit.Reports.Rendering;

/// <summary>
/// Quotes text as a CSS string literal, for the running footer in the print CSS (<c>@page { @bottom-left { content: … } }</c>).
/// HTML escaping is wrong inside &lt;style&gt; (entities are not decoded there), so this is a separate encoder:
/// everything but letters, digits, spaces and a few harmless marks becomes a CSS hex escape, which can neither
/// end the string nor the style element. The result is therefore safe to write raw.
/// </summary>
public static class CssText
{
    public static RawHtml Quote(string? text)
    {
        var builder = new StringBuilder("\"");
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if ((Rune.IsLetterOrDigit(rune) && rune.Value > 0x7F) || rune.Value is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ' ' or '.' or ',' or '-' or ':' or '(' or ')')
            {
                builder.Append(rune.ToString());
            }
            else
            {
                // Six hex digits end the escape, but CSS still swallows one whitespace after any hex escape: without
                // this terminating space, "sector – Demo" printed as "sector –Demo" in the running footer.
                builder.Append('\\').Append(rune.Value.ToString("X6", CultureInfo.InvariantCulture)).Append(' ');
            }
        }
        return new RawHtml(builder.Append('"').ToString());
    }
}
