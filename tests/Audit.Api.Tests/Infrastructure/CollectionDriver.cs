using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Core.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Audit.Application.Questionnaires;

namespace Audit.Api.Tests.Infrastructure;

/// <summary>
/// Drives participations through collection straight on the repositories (answer, submit, accept), for tests
/// about what happens after acceptance. The HTTP collection flow has its own tests.
/// </summary>
public sealed class CollectionDriver(AuditApp app, HttpClient admin)
{
    private static readonly Actor Respondent = new("test-respondent", "respondent");
    private static readonly Actor Analyst = new("test-analyst", "analyst");

    /// <summary>Creates an open 2023 round and invites the given types; returns participation ids by institution id.</summary>
    public async Task<Dictionary<string, string>> OpenRoundAsync(string roundId, params string[] types)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            id = roundId,
            title = roundId,
            questionnaire = new { key = "kennisveiligheid", version = "2023" },
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30),
        });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/rounds/{roundId}/status-changes", new { status = "open" })).StatusCode);
        var invited = await admin.PostAsJsonAsync($"/api/v1/rounds/{roundId}/participations", new { institutionTypes = types });
        var body = await invited.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("items").EnumerateArray().ToDictionary(p => p.GetProperty("institutionId").GetString()!, p => p.GetProperty("id").GetString()!);
    }

    /// <summary>Answers every question with synthetic values, submits and accepts.</summary>
    public async Task AcceptAsync(string participationId, int seed)
    {
        var services = app.Services;
        var questionnaire = (await services.GetRequiredService<QuestionnaireCatalog>().GetAsync("kennisveiligheid", "2023"))!;
        var now = DateTimeOffset.UtcNow;
        var writes = new SyntheticAnswers(seed).For(questionnaire).Select(a => new AnswerWrite(a.QuestionKey, a.ValueJson)).ToList();
        var saved = await services.GetRequiredService<IAnswerRepository>().SaveBatchAsync(participationId, writes, Respondent, now);
        Assert.IsTrue(saved.Saved, saved.Reason ?? string.Join("; ", saved.Items.Where(i => !i.Saved).Select(i => $"{i.QuestionKey}: {i.Outcome}")));
        var versions = saved.Items.ToDictionary(i => i.QuestionKey, i => i.Answer!.Version);
        var snapshot = new SubmissionSnapshot(JsonSerializer.Serialize(writes), Guid.NewGuid().ToString("N"), versions);
        var submitted = await services.GetRequiredService<ISubmissionRepository>().SubmitAsync(participationId, ParticipationStatus.InProgress, snapshot, Respondent, now);
        Assert.AreEqual(SubmitOutcome.Submitted, submitted.Outcome, submitted.Reason);
        var reviewed = await services.GetRequiredService<IReviewRepository>().ReviewAsync(participationId, ReviewOutcome.Accept, [], "akkoord", Analyst, now);
        Assert.AreEqual(ReviewSaveOutcome.Reviewed, reviewed.Outcome, reviewed.Reason);
    }
}
