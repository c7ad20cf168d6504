using System.Text;

namespace Audit.Core.Statistics;

/// <summary>
/// Defensive readers for canonical answer values. Answers are validated before they get here, but a value
/// of the wrong kind is skipped (returns false) rather than failing a whole sector view.
/// All readers work on the JsonElement in place: no strings are allocated per answer.
/// </summary>
internal static class AnswerReader
{
    private static readonly byte[] NotApplicableUtf8 = Encoding.UTF8.GetBytes(Question.NotApplicable);

    public static bool IsNotApplicable(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.ValueEquals(NotApplicableUtf8);

    /// <summary>A maturity level: an integral JSON number 0..5 (3.0 is accepted as 3).</summary>
    public static bool TryReadMaturity(JsonElement value, out int level)
    {
        level = 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var d)
            || d != decimal.Truncate(d) || d < Question.MaturityMin || d > Question.MaturityMax)
        {
            return false;
        }
        level = (int)d;
        return true;
    }

    public static bool TryReadNumber(JsonElement value, out decimal number)
    {
        number = 0m;
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out number);
    }

    /// <summary>A grid cell: a non-negative integral JSON number.</summary>
    public static bool TryReadCount(JsonElement value, out long count)
    {
        count = 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var d)
            || d < 0m || d != decimal.Truncate(d) || d > long.MaxValue)
        {
            return false;
        }
        count = (long)d;
        return true;
    }

    /// <summary>Index of the option whose key equals the JSON string, or −1.</summary>
    public static int IndexOfOption(JsonElement value, IReadOnlyList<byte[]> optionKeysUtf8)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return -1;
        }
        for (var i = 0; i < optionKeysUtf8.Count; i++)
        {
            if (value.ValueEquals(optionKeysUtf8[i]))
            {
                return i;
            }
        }
        return -1;
    }

    public static byte[][] Utf8Keys(IEnumerable<string> keys) => keys.Select(Encoding.UTF8.GetBytes).ToArray();
}
