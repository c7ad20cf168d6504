using System.Security.Cryptography;
using System.Text;

namespace Audit.Reports.Exports.Analysis;

/// <summary>
/// The rule that turns a question key (and an option, or a grid row and column) into a variable name that R, SPSS and
/// Stata all accept: at most 32 characters, a letter first, only <c>[a-z0-9_]</c>. The name depends on the keys alone,
/// never on the position of the question or on other questions, so the same key gives the same name in every
/// questionnaire version (the keys are stable across versions by design). The README documents the same rule:
/// <list type="number">
/// <item>lower-case; every character outside <c>[a-z0-9]</c> becomes <c>_</c>; runs of <c>_</c> become one; no <c>_</c> at either end;</item>
/// <item>a multi-choice option appends <c>_{option}</c>, a grid cell <c>_{row}_{column}</c> (each part cleaned the same way);</item>
/// <item>a name that starts with a digit, is a reserved word in R, SPSS or Stata, or is one of the fixed columns gets <c>q_</c> in front;</item>
/// <item>a name longer than 32 characters keeps its first 25 characters (without a trailing <c>_</c>) and gets <c>_</c>
/// plus the first 6 hex digits of the SHA-256 of the original keys joined with <c>/</c>;</item>
/// <item>should two variables of one questionnaire still get the same name (keys <c>a.b</c> and <c>a_b</c>), the later one
/// in definition order gets the first 25 characters, <c>_</c> and 6 hex digits of the SHA-256 of its keys plus <c>#n</c>.</item>
/// </list>
/// The shipped keys use <c>.</c> between theme and question (<c>governance.bestuurder</c> → <c>governance_bestuurder</c>).
/// </summary>
public static class VariableNames
{
    public const int MaxLength = 32;
    private const int HashLength = 6;

    /// <summary>The columns every wide file starts with (the trend file adds <c>round</c> in front).</summary>
    public static IReadOnlyList<string> FixedColumns { get; } =
        ["round", "participation_id", "institution_id", "institution_name", "institution_type", "status"];

    /// <summary>Reserved in R (if, NA, …), SPSS (ALL, AND, BY, …) or Stata (_all, byte, in, …); compared lower-case.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        // R
        "if", "else", "repeat", "while", "function", "for", "next", "break", "true", "false", "null", "inf", "nan", "na",
        "na_integer_", "na_real_", "na_character_", "in",
        // SPSS
        "all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with",
        // Stata
        "b", "byte", "coef", "cons", "double", "float", "int", "long", "n", "pi", "pred", "rc", "se", "skip", "str", "strl", "using",
    };

    public static string ForQuestion(string questionKey) => Build([questionKey]);

    public static string ForOption(string questionKey, string optionKey) => Build([questionKey, optionKey]);

    public static string ForCell(string questionKey, string rowKey, string columnKey) => Build([questionKey, rowKey, columnKey]);

    /// <summary>True when R, SPSS and Stata all accept <paramref name="name"/> as a variable name.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && name[0] is >= 'a' and <= 'z' && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_')
        && !Reserved.Contains(name);

    private static string Build(IReadOnlyList<string> keys)
    {
        var parts = keys.Select(Clean).ToList();
        var name = string.Join('_', parts.Where(p => p.Length > 0));
        if (name.Length == 0 || name[0] is not (>= 'a' and <= 'z') || Reserved.Contains(name) || FixedColumns.Contains(name))
        {
            name = "q_" + name;
        }
        if (name.Length > MaxLength)
        {
            var prefix = name[..Math.Min(name.Length, MaxLength - HashLength - 1)].TrimEnd('_');
            name = prefix + "_" + Hash(string.Join('/', keys));
        }
        return name;
    }

    private static string Clean(string key)
    {
        var text = new StringBuilder(key.Length);
        foreach (var c in key.ToLowerInvariant())
        {
            var keep = c is >= 'a' and <= 'z' or >= '0' and <= '9';
            if (keep)
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != '_')
            {
                text.Append('_');
            }
        }
        return text.ToString().TrimEnd('_');
    }

    /// <summary>The fallback for the rare name that two different keys still share after the rule: the keys' hash, marked as a repeat.</summary>
    public static string Disambiguate(string name, IReadOnlyList<string> keys, int occurrence) =>
        name[..Math.Min(name.Length, MaxLength - HashLength - 1)].TrimEnd('_') + "_" + Hash(string.Join('/', keys) + "#" + occurrence.ToString(CultureInfo.InvariantCulture));

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength];
}
