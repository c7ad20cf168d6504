using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Audit.Drills.BadInput;

public enum Caller { Admin, Respondent, Anonymous, ForgedToken }

/// <summary>
/// One generated request: everything needed to send it again from the seed and its index. <see cref="Headers"/> are
/// sent as written (the hand-made <see cref="HostileShapes"/> use them for If-Match and the proxy header).
/// </summary>
public sealed record MalformedRequest(
    int Index, string Attack, Caller Caller, string Method, string Path, byte[]? Body, string? ContentType,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public override string ToString() =>
        $"#{Index} {Attack} as {Caller}: {Method} {(Path.Length > 160 ? Path[..160] + "…" : Path)} ({Body?.Length ?? 0} bytes, {ContentType ?? "no content type"})";
}

/// <summary>Ids that exist, so some requests get past routing and lookup to the body validation.</summary>
public sealed record KnownIds(string AdminUserId, string RespondentUserId, string InstitutionId, string RoundId, string ParticipationId, string TokenId)
{
    public string For(string parameter) => parameter switch
    {
        "id" or "userId" => RespondentUserId,
        "tokenId" => TokenId,
        "roundId" => RoundId,
        "participationId" => ParticipationId,
        "institutionId" => InstitutionId,
        "key" => "kennisveiligheid",
        "version" => "2023",
        "institutionType" => "universiteit",
        "questionKey" => "q1",
        _ => "x",
    };
}

/// <summary>
/// Malformed requests from a fixed seed. Every request carries at least one defect that a correct service must
/// refuse: a write with ids that exist always has a broken body, and a write without a body always gets a
/// hostile id. Reads may succeed (a strange filter can match nothing), but never with a 5xx.
/// </summary>
public sealed class MalformedRequestGenerator(IReadOnlyList<ApiOperation> operations, KnownIds ids, int seed)
{
    private static readonly string[] BodyAttacks =
        ["broken-json", "wrong-types", "huge-strings", "deep-nesting", "unknown-enum", "bad-numbers", "invalid-utf8", "oversized", "wrong-content-type"];

    private static readonly string[] HostileIds =
    [
        "../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fsecrets", "..\\..\\windows\\win.ini",
        "' OR '1'='1", "1; DROP TABLE users; --", "admin'--", "\" OR \"\"=\"", "1 UNION SELECT token_hash FROM access_tokens",
        "%00", "a%00b", "%C0%AF", "%FF%FE", "%E2%80%AE", "%F0%9F%92%A5", "-1", "NaN", "0x7fffffff", "99999999999999999999999",
        "null", "undefined", "%20", "CON", "{id}", "$where", "*", "%25", "%%", "%u0000",
    ];

    private static readonly string[] HostileQueryValues =
    [
        "-1", "0", "NaN", "Infinity", "1e999", "-9223372036854775809", "99999999999", "abc", "' OR 1=1 --", "%00", "%FF",
        "1;SELECT pg_sleep(10)", "university'--", "not-a-date", "2023-13-45", "9999-12-31T99:99:99Z", "true", "%E2%80%AE",
        "../../etc", "[]", "{}", "🏳️‍🌈", "UNIVERSITY", "bogus",
    ];

    private static readonly string[] UnknownEnumValues = ["superuser", "ADMIN", "admin ", "Open", "closed-ish", "' OR 1=1 --", "", "null", "0", "university\u0000"];

    private static readonly string[] WrongContentTypes =
        ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=drill", "application/octet-stream", "image/png"];

    public IEnumerable<MalformedRequest> Generate(int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Next(i, random);
        }
    }

    private MalformedRequest Next(int index, Random random)
    {
        var op = operations[random.Next(operations.Count)];
        var caller = (Caller)Pick(random, [0, 0, 0, 0, 1, 1, 1, 2, 2, 3]);
        var attacks = new List<string> { "hostile-id", "hostile-query", "wrong-method" };
        if (op.HasBody)
        {
            attacks.AddRange(BodyAttacks);
            attacks.AddRange(BodyAttacks); // bodies are where most parsing happens
        }
        var attack = Pick(random, attacks.ToArray());
        if (attack == "hostile-id" && op.PathParameters.Count == 0)
        {
            attack = "hostile-query";
        }
        var template = BodyTemplates.For(op.Key, ids);
        // A well-typed body with one bad value is only safe to send with ids that exist when the drill knows
        // which value the service must refuse; otherwise the hostile id guarantees the refusal.
        var needsHostileId = attack == "wrong-method" || op.Mutates && (!op.HasBody || attack is "hostile-id" or "hostile-query"
            || (template is null && attack is "huge-strings" or "unknown-enum" or "bad-numbers"));
        var path = BuildPath(op, random, needsHostileId || attack == "hostile-id");
        if (attack == "hostile-query" || random.Next(6) == 0)
        {
            path += BuildQuery(op, random);
        }
        var method = attack == "wrong-method" ? Pick(random, "PUT", "PATCH", "DELETE", "POST", "OPTIONS", "TRACE", "PROPFIND") : op.Method;
        byte[]? body = null;
        string? contentType = null;
        if (op.HasBody || attack == "wrong-method")
        {
            (body, contentType) = BuildBody(attack, template, random);
            // JSON null, or no bytes at all, is how a client leaves out an optional body: valid, so not sent as an attack
            // (an empty "broken" body reached POST …/invitations, which rightly answered 503 without Audit:PublicBaseUrl).
            if (!op.BodyRequired && body is not null && (body.Length == 0 || Encoding.UTF8.GetString(body) == "null"))
            {
                body = "[null]"u8.ToArray();
            }
        }
        if (needsHostileId && op.PathParameters.Count == 0 && op.Mutates)
        {
            // A write with neither path ids nor a guaranteed-bad body: break the body syntax as well.
            (body, contentType) = BuildBody("broken-json", template, random);
        }
        return new MalformedRequest(index, attack, caller, method, path, body, contentType);
    }

    private string BuildPath(ApiOperation op, Random random, bool hostile)
    {
        var path = "/api/v1" + op.PathTemplate;
        var victim = op.PathParameters.Count == 0 ? null : op.PathParameters[random.Next(op.PathParameters.Count)];
        foreach (var parameter in op.PathParameters)
        {
            var value = hostile && parameter == victim ? HostileId(random) : Uri.EscapeDataString(ids.For(parameter));
            path = path.Replace("{" + parameter + "}", value, StringComparison.Ordinal);
        }
        return path;
    }

    private static string HostileId(Random random) => random.Next(8) switch
    {
        0 => new string('a', random.Next(300, 20_000)),
        1 => Uri.EscapeDataString(RandomUnicode(random, random.Next(1, 40))),
        _ => HostileIds[random.Next(HostileIds.Length)].Replace(" ", "%20", StringComparison.Ordinal).Replace("\"", "%22", StringComparison.Ordinal)
            .Replace("\\", "%5C", StringComparison.Ordinal).Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal),
    };

    private static string BuildQuery(ApiOperation op, Random random)
    {
        var names = op.QueryParameters.Count > 0 && random.Next(4) > 0 ? op.QueryParameters : ["page", "pageSize", "$filter", "q", "sort"];
        var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
        {
            var name = names[random.Next(names.Count)];
            var value = random.Next(5) == 0 ? new string('9', random.Next(50, 5000)) : HostileQueryValues[random.Next(HostileQueryValues.Length)];
            return name + "=" + (value.Contains('%', StringComparison.Ordinal) ? value : Uri.EscapeDataString(value));
        });
        return "?" + string.Join("&", parts);
    }

    private static (byte[]? Body, string? ContentType) BuildBody(string attack, JsonObject? template, Random random)
    {
        const string json = "application/json";
        var valid = template?.ToJsonString() ?? "{\"name\":\"drill\",\"value\":1}";
        switch (attack)
        {
            case "broken-json":
                var broken = Pick(random,
                    valid[..Math.Max(1, random.Next(valid.Length))], "{\"a\":", "{'name':'x'}", "{name:1}", "[1,2,", "{\"x\":1,}", "", " ", "}{",
                    "\u0000", "{\"a\":\"unterminated}", "nul", "tru", "{\"a\":01}", "{\"a\":1}{\"b\":2}", "// comment\n{}", "{\"a\":\"\\uZZZZ\"}");
                return (Encoding.UTF8.GetBytes(broken), json);
            case "wrong-types":
                return (Encoding.UTF8.GetBytes(template is not null && random.Next(3) > 0
                    ? Mutate(template, random, (node, r) => WrongType(node, r)).ToJsonString()
                    : Pick(random, "[]", "42", "\"text\"", "true", "null", "[{}]", "-0", "1e5")), json);
            case "huge-strings":
                var huge = new string(Pick(random, 'x', 'é', '\'', '<'), random.Next(5_000, 200_000));
                return (Encoding.UTF8.GetBytes(template is null
                    ? $"{{\"name\":\"{huge}\"}}"
                    : Mutate(template, random, (node, _) => node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? JsonValue.Create(huge) : null, single: true).ToJsonString()), json);
            case "deep-nesting":
                var depth = random.Next(65, 5000);
                var deep = new string('[', depth) + new string(']', depth);
                return (Encoding.UTF8.GetBytes(random.Next(2) == 0 ? deep : $"{{\"name\":{deep}}}"), json);
            case "unknown-enum":
                var enumValue = UnknownEnumValues[random.Next(UnknownEnumValues.Length)];
                return (Encoding.UTF8.GetBytes(template is null
                    ? $"{{\"status\":{System.Text.Json.JsonSerializer.Serialize(enumValue)}}}"
                    : Mutate(template, random, (_, _) => JsonValue.Create(enumValue), BodyTemplates.EnumFields).ToJsonString()), json);
            case "bad-numbers":
                var number = Pick(random, "-1", "-2147483649", "NaN", "Infinity", "-Infinity", "1e999", "-1e308", "\"NaN\"", "-0", "1.5", "-0.5");
                var numbered = template is null ? "{\"value\":0}" : Mutate(template, random, (_, _) => JsonValue.Create("__NUMBER__"), BodyTemplates.NumberFields).ToJsonString();
                return (Encoding.UTF8.GetBytes(numbered.Replace("\"__NUMBER__\"", number, StringComparison.Ordinal)), json);
            case "invalid-utf8":
                var text = Encoding.UTF8.GetBytes(valid.Replace("\"", "\"\u0001", StringComparison.Ordinal));
                var bad = Pick<byte[]>(random, [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC3], [0xE2, 0x28, 0xA1]);
                // Every marker sits just inside a string, so the invalid bytes land in a value or a property name.
                var output = new List<byte>();
                foreach (var b in text)
                {
                    output.AddRange(b == 0x01 ? bad : [b]);
                }
                return (output.ToArray(), json);
            case "oversized":
                return (Encoding.UTF8.GetBytes($"{{\"name\":\"{new string('x', random.Next(1_100_000, 1_600_000))}\"}}"), json);
            case "wrong-content-type":
                // The body itself is also broken, so a server that ignored the content type still has to refuse it.
                return (Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "name=x&role=admin" : "<a>" + valid + "</a>"),
                    random.Next(8) == 0 ? null : WrongContentTypes[random.Next(WrongContentTypes.Length)]);
            default:
                return (Encoding.UTF8.GetBytes("{\"unexpected\":true"), json);
        }
    }

    /// <summary>A deep copy of the template with one matching field (or every string field for huge strings) replaced.</summary>
    private static JsonObject Mutate(JsonObject template, Random random, Func<JsonNode?, Random, JsonNode?> replace, IReadOnlySet<string>? only = null, bool single = false)
    {
        var copy = template.DeepClone().AsObject();
        var fields = Leaves(copy).Where(f => only is null || only.Contains(f.Name)).ToList();
        if (fields.Count == 0)
        {
            // The template has no field for this attack: give one field the wrong type, which is a defect too.
            var (leafParent, leafName) = Leaves(copy).First();
            leafParent[leafName] = WrongType(leafParent[leafName], random);
            return copy;
        }
        var changed = false;
        foreach (var (parent, name) in fields.OrderBy(_ => random.Next()))
        {
            if (replace(parent[name], random) is { } replacement)
            {
                parent[name] = replacement;
                changed = true;
                if (single || only is not null || random.Next(2) == 0)
                {
                    break;
                }
            }
        }
        if (!changed)
        {
            var (parent, name) = fields[0];
            parent[name] = WrongType(parent[name], random);
        }
        return copy;
    }

    private static IEnumerable<(JsonObject Parent, string Name)> Leaves(JsonObject node)
    {
        foreach (var (name, value) in node.ToList())
        {
            if (value is JsonObject child)
            {
                foreach (var leaf in Leaves(child))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (node, name);
            }
        }
    }

    private static JsonNode WrongType(JsonNode? node, Random random) => node switch
    {
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => Pick<JsonNode>(random, JsonValue.Create(12345), JsonValue.Create(true), new JsonObject(), new JsonArray(1, 2)),
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => Pick<JsonNode>(random, JsonValue.Create("maybe"), JsonValue.Create(2), new JsonArray()),
        JsonValue => Pick<JsonNode>(random, JsonValue.Create("many"), new JsonObject(), JsonValue.Create(false)),
        JsonArray => Pick<JsonNode>(random, JsonValue.Create("universiteit"), new JsonObject { ["0"] = "x" }, JsonValue.Create(7)),
        _ => Pick<JsonNode>(random, JsonValue.Create("object?"), new JsonArray(1)),
    };

    private static string RandomUnicode(Random random, int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            builder.Append(Pick(random, "ü", "💥", "\u202e", "\u0000", "\ufeff", "ß", "𝔘", "\u200b", "/", "\\", "'", "\"", ";", "%"));
        }
        return builder.ToString();
    }

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];
}
