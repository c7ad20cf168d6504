using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Audit.Api.Questionnaires;
using Audit.Api.SectorViews;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Audit.Application.SectorViews;
using Audit.Application.Questionnaires;

namespace Audit.Api.Tests.Collection;

/// <summary>Records the recomputes the API asks for instead of running them, so a test sees the dirty mark untouched.</summary>
public sealed class RecordingRecomputeScheduler : ISectorRecomputeScheduler
{
    public ConcurrentQueue<(string RoundId, InstitutionType Type)> Enqueued { get; } = new();

    public void Enqueue(string roundId, InstitutionType type) => Enqueued.Enqueue((roundId, type));
}

/// <summary>Rounds, participations and answer sets for the collection tests, set up through the API as users would.</summary>
public static class CollectionFixture
{
    public const string Own = "uva";
    public const string Other = "vu";

    public static string AnswersUrl(string participationId) => $"/api/v1/participations/{participationId}/answers";

    /// <summary>Creates and opens a round of the given questionnaire version and invites uva and vu; returns their participation ids.</summary>
    public static async Task<(string Own, string Other)> OpenRoundAsync(
        HttpClient admin, string roundId, string version = "2023", string? baselineRoundId = null, int daysToDeadline = 10)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            id = roundId,
            title = $"Round {roundId}",
            questionnaire = new { key = "kennisveiligheid", version },
            baselineRoundId,
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(daysToDeadline).AddMinutes(-1),
        });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        await ChangeRoundAsync(admin, roundId, "open");
        var invited = await admin.PostAsJsonAsync($"/api/v1/rounds/{roundId}/participations", new { institutionIds = new[] { Own, Other } });
        Assert.AreEqual(HttpStatusCode.OK, invited.StatusCode, await invited.Content.ReadAsStringAsync());
        var items = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        string IdOf(string institution) => items.Single(p => p.GetProperty("institutionId").GetString() == institution).GetProperty("id").GetString()!;
        return (IdOf(Own), IdOf(Other));
    }

    /// <summary>
    /// Publishing needs approved findings for every sector published with figures; the client's app writes and
    /// approves them first (<see cref="SectorFindings.ApprovedFindings"/>), as two analysts would.
    /// </summary>
    public static async Task ChangeRoundAsync(HttpClient admin, string roundId, string status)
    {
        if (status == "published" && Infrastructure.AuditApp.OwnerOf(admin) is { } app)
        {
            await SectorFindings.ApprovedFindings.EnsureAsync(app.Services, roundId);
        }
        var response = await admin.PostAsJsonAsync($"/api/v1/rounds/{roundId}/status-changes", new { status });
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<Questionnaire> QuestionnaireAsync(AuditApp app, string version) =>
        (await app.Services.GetRequiredService<QuestionnaireCatalog>().GetAsync("kennisveiligheid", version))!;

    /// <summary>
    /// A valid answer to every question (hidden ones included: the completeness check ignores those), so that every
    /// required visible question is answered whatever the visibility conditions are. The same generator as demo mode.
    /// </summary>
    public static object FullAnswerBatch(Questionnaire questionnaire) => new
    {
        answers = new SyntheticAnswers(seed: 1).For(questionnaire)
            .Select(a => new { questionKey = a.QuestionKey, value = JsonNode.Parse(a.ValueJson) }).ToList(),
    };

    /// <summary>Answers every question in one batch (from empty) and submits; asserts both succeed.</summary>
    public static async Task FillAndSubmitAsync(HttpClient respondent, string participationId, Questionnaire questionnaire)
    {
        var saved = await respondent.PatchAsJsonAsync(AnswersUrl(participationId), FullAnswerBatch(questionnaire));
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        await SubmitAsync(respondent, participationId);
    }

    public static async Task SubmitAsync(HttpClient respondent, string participationId)
    {
        var submitted = await respondent.PostAsync($"/api/v1/participations/{participationId}/submission", null);
        Assert.AreEqual(HttpStatusCode.OK, submitted.StatusCode, await submitted.Content.ReadAsStringAsync());
        Assert.AreEqual("submitted", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    public static Task<HttpResponseMessage> ReviewAsync(HttpClient analyst, string participationId, string decision, params (string Key, string Text)[] remarks) =>
        analyst.PostAsJsonAsync($"/api/v1/participations/{participationId}/reviews", new
        {
            decision,
            remarks = remarks.Select(r => new { questionKey = r.Key, text = r.Text }).ToList(),
            summary = $"Review: {decision}",
        });

    /// <summary>A PUT of one answer, with If-Match when <paramref name="ifMatch"/> is given.</summary>
    public static async Task<HttpResponseMessage> PutAnswerAsync(
        HttpClient client, string participationId, string questionKey, object value, string? ifMatch = null, string? comment = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{AnswersUrl(participationId)}/{questionKey}")
        {
            Content = JsonContent.Create(new { value, comment }),
        };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
        return await client.SendAsync(request);
    }
}
