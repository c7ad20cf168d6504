namespace Audit.Reports.Charts;

/// <summary>
/// Chart colours, chosen for WCAG AA: every fill has at least 3:1 against the white page (non-text contrast,
/// 1.4.11), and text inside a fill is white or near-black, whichever contrasts more, at least 4.5:1 (1.4.3).
/// The tests check both for every colour here.
/// </summary>
public static class ChartPalette
{
    public const string Page = "#ffffff";
    public const string Ink = "#1a1a1a";
    public const string Gridline = "#c8c8c8";
    public const string EmptyFill = "#f2f2f2";
    public const string NotApplicable = "#6b6b6b";
    public const string BoxFill = "#dbe4f3";
    public const string BoxStroke = "#243d80";
    public const string OwnMarker = "#b35900";

    /// <summary>Ordinal: maturity levels 0..5, warm (low) to cool (high), all dark enough for white text.</summary>
    public static IReadOnlyList<string> Maturity { get; } = ["#b04a1a", "#96621a", "#6f7a1e", "#2f7f5a", "#1f6c8f", "#243d80"];

    /// <summary>Nominal: options of a choice question, cycled when there are more options than colours.</summary>
    public static IReadOnlyList<string> Categorical { get; } =
        ["#1d5fa8", "#b35900", "#1b7f5f", "#a8327d", "#6b5a00", "#5a4fa8", "#8a3b12", "#3b6e8f"];

    public const string Yes = "#1d5fa8";
    public const string No = "#b35900";
    public const string Chosen = "#1d5fa8";
    public const string NotChosen = NotApplicable;

    /// <summary>Every fill a chart may use, for the contrast tests.</summary>
    public static IEnumerable<string> AllFills =>
        Maturity.Concat(Categorical).Concat([Yes, No, Chosen, NotChosen, NotApplicable, BoxStroke, OwnMarker]).Distinct();

    /// <summary>White or <see cref="Ink"/>, whichever contrasts more with <paramref name="fill"/>.</summary>
    public static string TextOn(string fill) =>
        ContrastRatio(fill, Page) >= ContrastRatio(fill, Ink) ? Page : Ink;

    /// <summary>The WCAG 2 contrast ratio of two "#rrggbb" colours, from 1 to 21.</summary>
    public static double ContrastRatio(string a, string b)
    {
        var (la, lb) = (RelativeLuminance(a), RelativeLuminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    public static double RelativeLuminance(string hex)
    {
        if (hex.Length != 7 || hex[0] != '#')
        {
            throw new FormatException($"Expected #rrggbb, got '{hex}'.");
        }
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}
