using System.Text.Json.Nodes;

namespace Audit.Drills.BadInput;

/// <summary>
/// Valid request bodies for the writes the drill knows, so a single bad value (an unknown enum, a huge string,
/// a negative number) reaches the validation behind the JSON reader. Each one only ever leaves mutated.
/// </summary>
public static class BodyTemplates
{
    public static readonly IReadOnlySet<string> EnumFields = new HashSet<string>(StringComparer.Ordinal)
        { "role", "type", "status", "decision", "institutionTypes", "key", "version" };

    /// <summary>
    /// Fields whose every "bad number" of the drill is invalid. Not the dominance share <c>k</c>: it is a percentage in
    /// (0, 100], so the drill's 1.5 is a valid share and created a round (seed 9).
    /// </summary>
    public static readonly IReadOnlySet<string> NumberFields = new HashSet<string>(StringComparer.Ordinal)
        { "minGroupSize", "n", "expiresAt", "opensAt", "closesAt", "page", "pageSize" };

    public static JsonObject? For(string operation, KnownIds ids) => operation switch
    {
        "POST /users" => new JsonObject { ["name"] = "Drill Respondent", ["email"] = "drill@example.org", ["role"] = "respondent", ["institutionId"] = ids.InstitutionId },
        "PATCH /users/{id}" => new JsonObject { ["name"] = "Renamed", ["email"] = "renamed@example.org", ["active"] = true },
        "POST /users/{id}/tokens" => new JsonObject { ["expiresAt"] = DateTimeOffset.UtcNow.AddDays(30).ToString("O") },
        "POST /institutions" => new JsonObject { ["id"] = "drill-inst", ["name"] = "Drill Institute", ["type"] = "universiteit", ["city"] = "Utrecht", ["brin"] = "99ZZ", ["active"] = true },
        "PATCH /institutions/{id}" => new JsonObject { ["name"] = "Renamed Institute", ["type"] = "universiteit", ["city"] = "Delft", ["active"] = true },
        "POST /rounds" => new JsonObject
        {
            ["id"] = "drill-round-2",
            ["title"] = "Drill round",
            ["questionnaire"] = new JsonObject { ["key"] = "kennisveiligheid", ["version"] = "2023" },
            ["opensAt"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O"),
            ["closesAt"] = DateTimeOffset.UtcNow.AddDays(30).ToString("O"),
            ["disclosure"] = new JsonObject { ["minGroupSize"] = 5, ["dominance"] = new JsonObject { ["n"] = 2, ["k"] = 85 } },
        },
        "POST /rounds/{roundId}/status-changes" => new JsonObject { ["status"] = "closed" },
        "POST /rounds/{roundId}/participations" => new JsonObject { ["institutionTypes"] = new JsonArray("universiteit", "umc") },
        "PUT /participations/{participationId}/answers/{questionKey}" => new JsonObject { ["value"] = "yes", ["comment"] = "drill" },
        _ => null,
    };
}
