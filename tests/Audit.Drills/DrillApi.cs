using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Audit.Drills;

/// <summary>The few API calls the drills need to set the stage, each checked for the expected status.</summary>
public static class DrillApi
{
    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body, params HttpStatusCode[] expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!expected.Contains(response.StatusCode))
        {
            throw new DrillFailure($"Set-up call {method} {path} gave {(int)response.StatusCode}: {text}");
        }
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> PostAsync(HttpClient client, string path, object body) =>
        SendAsync(client, HttpMethod.Post, path, body, HttpStatusCode.OK, HttpStatusCode.Created);

    public static Task<JsonElement> GetAsync(HttpClient client, string path) => SendAsync(client, HttpMethod.Get, path, null, HttpStatusCode.OK);

    /// <summary>An open round on the shipped questionnaire with the given institution types invited; participation ids by institution id.</summary>
    public static async Task<Dictionary<string, string>> OpenRoundAsync(HttpClient admin, string roundId, object invite)
    {
        await PostAsync(admin, "/api/v1/rounds", new
        {
            id = roundId,
            title = roundId,
            questionnaire = new { key = "kennisveiligheid", version = "2023" },
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30),
        });
        await PostAsync(admin, $"/api/v1/rounds/{roundId}/status-changes", new { status = "open" });
        var invited = await PostAsync(admin, $"/api/v1/rounds/{roundId}/participations", invite);
        return invited.GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("institutionId").GetString()!, p => p.GetProperty("id").GetString()!);
    }

    /// <summary>A respondent of the institution, with a personal access token.</summary>
    public static async Task<(string UserId, string Token, string TokenId)> RespondentAsync(HttpClient admin, string institutionId, string email)
    {
        var user = await PostAsync(admin, "/api/v1/users", new { name = "Drill " + email, email, role = "respondent", institutionId });
        var userId = user.GetProperty("id").GetString()!;
        var token = await PostAsync(admin, $"/api/v1/users/{userId}/tokens", new { });
        return (userId, token.GetProperty("token").GetString()!, token.GetProperty("id").GetString()!);
    }

    /// <summary>Checks the RFC 9457 shape: problem+json with status equal to the response's, a title and a detail.</summary>
    public static string? ProblemDefect(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} with content type '{response.Content.Headers.ContentType?.MediaType ?? "none"}', not application/problem+json";
        }
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            if (!problem.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.Number || s.GetInt32() != status)
            {
                return $"{status} problem without a matching status member";
            }
            if (!problem.TryGetProperty("title", out var t) || t.ValueKind != JsonValueKind.String || t.GetString()!.Length == 0)
            {
                return $"{status} problem without a title";
            }
            if (!problem.TryGetProperty("detail", out var d) || d.ValueKind != JsonValueKind.String || d.GetString()!.Length == 0)
            {
                return $"{status} problem without a detail";
            }
            return null;
        }
        catch (JsonException)
        {
            return $"{status} problem body is not JSON";
        }
    }
}
