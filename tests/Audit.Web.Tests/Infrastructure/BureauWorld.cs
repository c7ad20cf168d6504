using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Questionnaires;
using Audit.Api.SectorViews;
using Audit.Core.Access;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Core.Synthetic;
using Audit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Audit.Application.Questionnaires;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// The bureau's world for the browser tests, built with the real API over HTTPS as the admin and respondents would, and
/// with the repositories where only the outcome matters (synthetic accepted participations):
/// <list type="bullet">
/// <item><see cref="OpenRound"/>: open, every university invited; uva answered everything and submitted (by its respondent over the API).</item>
/// <item><see cref="PublishedRound"/>: six universities accepted, the sector view computed, the round published.</item>
/// </list>
/// </summary>
public sealed class BureauWorld
{
    public const string OpenRound = "2023-web-open";
    public const string PublishedRound = "2023-web-gepubliceerd";

    /// <summary>The audit cycle both rounds are waves of.</summary>
    public const string Cycle = "2023";
    public const string Own = "uva";
    public const string OwnName = "Universiteit van Amsterdam";

    private static readonly Actor Synthetic = new("test-synthetic", "respondent");

    private BureauWorld(WebApp app) => App = app;

    public WebApp App { get; }

    public string AnalystToken { get; private set; } = "";

    public string MinistryToken { get; private set; } = "";

    /// <summary>A personal access token of uva's respondent, for signing in on the token form.</summary>
    public string RespondentToken { get; private set; } = "";

    /// <summary>uva's respondent, over HTTPS with a bearer token.</summary>
    public HttpClient Respondent { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>uva's participation in <see cref="OpenRound"/>: submitted.</summary>
    public string OwnParticipation { get; private set; } = "";

    /// <summary>uva's participation in <see cref="PublishedRound"/>: accepted.</summary>
    public string PublishedParticipation { get; private set; } = "";

    public static async Task<BureauWorld> CreateAsync(WebApp app)
    {
        var world = new BureauWorld(app)
        {
            AnalystToken = await app.UserWithTokenAsync("Ada Analist"),
            MinistryToken = await app.UserWithTokenAsync("Mo Ministerie", Role.Ministry),
        };
        world.Admin = world.Client(await app.UserWithTokenAsync("Bea Beheer", Role.Admin));
        world.RespondentToken = await RespondentTokenAsync(app);
        world.Respondent = world.Client(world.RespondentToken);
        var open = await world.OpenAsync(OpenRound);
        world.OwnParticipation = open[Own];
        await world.FillAndSubmitAsync(world.OwnParticipation);

        var published = await world.OpenAsync(PublishedRound);
        world.PublishedParticipation = published[Own];
        var seed = 1;
        foreach (var id in published.Values.Take(6))
        {
            await world.AcceptSyntheticAsync(id, seed++);
        }
        await app.Services.GetRequiredService<SectorRecomputeJob>().RunAsync(PublishedRound, "universiteit", CancellationToken.None);
        await world.ChangeRoundAsync(PublishedRound, "closed");
        await world.ApproveFindingsAsync(PublishedRound);
        await world.ChangeRoundAsync(PublishedRound, "published");
        return world;
    }

    /// <summary>Approved findings on every sector of the round published with figures, which publishing requires.</summary>
    public Task ApproveFindingsAsync(string roundId) => ApprovedSectorFindings.EnsureAsync(
        App.Services.GetRequiredService<Audit.Core.SectorViews.ISectorViewRepository>(),
        App.Services.GetRequiredService<Audit.Core.SectorFindings.ISectorFindingsRepository>(), roundId);

    public async Task<string> StatusOfAsync(string participationId) =>
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{participationId}")).GetProperty("status").GetString()!;

    /// <summary>A plain HTTPS client for the API; the test server's certificate is self-signed for this run only.</summary>
    public HttpClient Client(string? token)
    {
#pragma warning disable CA2000 // the client owns and disposes the handler
        var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator })
#pragma warning restore CA2000
        {
            BaseAddress = App.BaseUrl,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    private async Task<Dictionary<string, string>> OpenAsync(string roundId)
    {
        await ExpectAsync(HttpStatusCode.Created, await Admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            id = roundId,
            title = $"Ronde {roundId}",
            cycle = Cycle,
            questionnaire = new { key = "kennisveiligheid", version = "2023" },
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(14).AddMinutes(-1),
        }));
        await ChangeRoundAsync(roundId, "open");
        var invited = await Admin.PostAsJsonAsync($"/api/v1/rounds/{roundId}/participations", new { institutionTypes = new[] { "universiteit" } });
        await ExpectAsync(HttpStatusCode.OK, invited);
        return (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("institutionId").GetString()!, p => p.GetProperty("id").GetString()!);
    }

    private async Task ChangeRoundAsync(string roundId, string status) =>
        await ExpectAsync(HttpStatusCode.OK, await Admin.PostAsJsonAsync($"/api/v1/rounds/{roundId}/status-changes", new { status }));

    /// <summary>Every question answered with synthetic values in one batch over the API, then submitted.</summary>
    private async Task FillAndSubmitAsync(string participationId)
    {
        var answers = new SyntheticAnswers(42).For(await QuestionnaireAsync())
            .Select(a => new { questionKey = a.QuestionKey, value = JsonDocument.Parse(a.ValueJson).RootElement }).ToList();
        await ExpectAsync(HttpStatusCode.OK, await Respondent.PatchAsJsonAsync($"/api/v1/participations/{participationId}/answers", new { answers }));
        await ExpectAsync(HttpStatusCode.OK, await Respondent.PostAsync($"/api/v1/participations/{participationId}/submission", null));
    }

    /// <summary>Answered, submitted and accepted straight on the repositories: only the accepted answers matter here.</summary>
    private async Task AcceptSyntheticAsync(string participationId, int seed)
    {
        var services = App.Services;
        var now = DateTimeOffset.UtcNow;
        var writes = new SyntheticAnswers(seed).For(await QuestionnaireAsync()).Select(a => new AnswerWrite(a.QuestionKey, a.ValueJson)).ToList();
        var saved = await services.GetRequiredService<IAnswerRepository>().SaveBatchAsync(participationId, writes, Synthetic, now);
        Assert.IsTrue(saved.Saved, saved.Reason);
        var snapshot = new SubmissionSnapshot(JsonSerializer.Serialize(writes), Guid.NewGuid().ToString("N"),
            saved.Items.ToDictionary(i => i.QuestionKey, i => i.Answer!.Version));
        var submitted = await services.GetRequiredService<ISubmissionRepository>().SubmitAsync(participationId, ParticipationStatus.InProgress, snapshot, Synthetic, now);
        Assert.AreEqual(SubmitOutcome.Submitted, submitted.Outcome, submitted.Reason);
        var reviewed = await services.GetRequiredService<IReviewRepository>().ReviewAsync(participationId, ReviewOutcome.Accept, [], null, Synthetic, now);
        Assert.AreEqual(ReviewSaveOutcome.Reviewed, reviewed.Outcome, reviewed.Reason);
    }

    private async Task<Questionnaire> QuestionnaireAsync() =>
        (await App.Services.GetRequiredService<QuestionnaireCatalog>().GetAsync("kennisveiligheid", "2023"))!;

    private static async Task<string> RespondentTokenAsync(WebApp app)
    {
        var users = app.Services.GetRequiredService<IUserRepository>();
        var id = AccessTokens.NewId("u_");
        var now = DateTimeOffset.UtcNow;
        var token = AccessTokens.NewToken();
        Assert.IsTrue(await users.InsertWithTokenAsync(new User(id, "Rita Respondent", $"{id}@test.local", Role.Respondent, Own, true, now),
            StoredToken.For(id, TokenKind.PersonalAccessToken, token, now, now.AddHours(1)),
            Actor.System.Did("user.created", "user", id, now)));
        return token;
    }

    private static async Task ExpectAsync(HttpStatusCode expected, HttpResponseMessage response) =>
        Assert.AreEqual(expected, response.StatusCode, await response.Content.ReadAsStringAsync());
}
