using System.Text.Json.Serialization.Metadata;

namespace Audit.Core.SectorViews;

/// <summary>
/// Which fields of <see cref="QuestionStatistics"/> a question type has. The record has one shape for all
/// types; in JSON a maturity question shows no <c>cells</c> and a grid no <c>mean</c>. A field the type HAS
/// is always written, as <c>null</c> when suppressed, so a reader can tell "hidden" from "not applicable".
/// </summary>
public static class QuestionShape
{
    private static readonly string[] Numeric = [Wire(QuestionType.Maturity), Wire(QuestionType.Number)];
    private static readonly string[] Choice = [Wire(QuestionType.YesNo), Wire(QuestionType.SingleChoice)];

    // JSON name → the types that carry it. Fields not listed (key, type, answered, notApplicable,
    // suppressed, reason) belong to every type.
    private static readonly Dictionary<string, HashSet<string>> TypesByField = new(StringComparer.Ordinal)
    {
        ["mean"] = [.. Numeric],
        ["median"] = [.. Numeric],
        ["q1"] = [.. Numeric],
        ["q3"] = [.. Numeric],
        ["min"] = [.. Numeric],
        ["max"] = [.. Numeric],
        ["distribution"] = [Wire(QuestionType.Maturity), .. Choice, Wire(QuestionType.MultiChoice)],
        ["meetsNorm"] = [.. Numeric, .. Choice],
        ["cells"] = [Wire(QuestionType.Grid)],
        ["rowTotals"] = [Wire(QuestionType.Grid)],
        ["columnTotals"] = [Wire(QuestionType.Grid)],
        ["total"] = [Wire(QuestionType.Grid)],
    };

    /// <summary>Whether a question of this type carries the field (by its JSON name).</summary>
    public static bool Has(string questionType, string jsonField) =>
        !TypesByField.TryGetValue(jsonField, out var types) || types.Contains(questionType);

    /// <summary>A System.Text.Json contract modifier that leaves out the fields a question's type lacks.</summary>
    public static void OmitFieldsOfOtherTypes(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Type != typeof(QuestionStatistics))
        {
            return;
        }
        foreach (var property in typeInfo.Properties)
        {
            var field = property.Name;
            if (!TypesByField.ContainsKey(field))
            {
                continue;
            }
            // Keep any condition already there (min/max are also left out when null).
            var existing = property.ShouldSerialize;
            property.ShouldSerialize = (owner, value) =>
                Has(((QuestionStatistics)owner).Type, field) && (existing is null || existing(owner, value));
        }
    }

    private static string Wire(QuestionType type) => type.ToWireName();
}
