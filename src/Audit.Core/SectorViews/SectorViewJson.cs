using System.Text.Json.Serialization.Metadata;

namespace Audit.Core.SectorViews;

/// <summary>
/// The stored and served form of a <see cref="SectorView"/>: camelCase, nulls written, not indented.
/// Deterministic: the same view gives the same bytes (property order is declaration order, lists keep
/// definition order, decimals carry a fixed scale, timestamps are normalized to UTC).
/// </summary>
/// <remarks>
/// Serve these bytes as they are (or serialize with <see cref="Options"/>). Other options still give the
/// same field names and never leak min/max (those are left out by attribute), but they would write
/// <c>null</c> for fields the question's type lacks (see <see cref="QuestionShape"/>).
/// </remarks>
public static class SectorViewJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static byte[] Serialize(SectorView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return JsonSerializer.SerializeToUtf8Bytes(view, Options);
    }

    /// <summary>The same JSON as <see cref="Serialize"/>, as the string the repositories store (no byte[] to decode).</summary>
    public static string SerializeToString(SectorView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return JsonSerializer.Serialize(view, Options);
    }

    public static SectorView Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<SectorView>(utf8Json, Options)
        ?? throw new JsonException("A sector view cannot be null.");

    public static SectorView Deserialize(string json) =>
        JsonSerializer.Deserialize<SectorView>(json, Options)
        ?? throw new JsonException("A sector view cannot be null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { QuestionShape.OmitFieldsOfOtherTypes } },
        };
        options.MakeReadOnly();
        return options;
    }
}
