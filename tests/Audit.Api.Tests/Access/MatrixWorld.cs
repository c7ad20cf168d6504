using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Access;

/// <summary>The kinds of caller the matrix tries. "Own" respondents belong to the institution that owns the objects.</summary>
public enum Caller
{
    Anonymous,
    Admin,
    Analyst,
    OwnRespondent,
    OtherRespondent,
    Ministry,
}

/// <summary>The fixture every matrix row runs against: one client per caller and the ids of the objects it touches.</summary>
public sealed class MatrixWorld
{
    public const string OwnInstitution = "uva";
    public const string OtherInstitution = "vu";

    private MatrixWorld(AuditApp app) => App = app;

    public AuditApp App { get; }

    public Dictionary<Caller, HttpClient> Clients { get; } = [];

    /// <summary>A user other than the callers, for user-management rows.</summary>
    public string SubjectUserId { get; private set; } = "";

    public string RoundId { get; } = "2023-matrix";

    /// <summary>The own institution's participation in <see cref="RoundId"/> (open round, in progress: it has one evidence document).</summary>
    public string ParticipationId { get; private set; } = "";

    /// <summary>A question of the round's questionnaire, with one evidence document uploaded by the own respondent.</summary>
    public string QuestionKey { get; } = "governance.bestuurder";

    public string EvidenceId { get; private set; } = "";

    /// <summary>The base path of the own participation's answer to <see cref="QuestionKey"/>.</summary>
    public string AnswerPath => $"/api/v1/participations/{ParticipationId}/answers/{QuestionKey}";

    /// <summary>A published round of the same two institutions, with its (suppressed) universiteit view computed: reports exist.</summary>
    public string PublishedRoundId { get; } = "2023-matrix-published";

    /// <summary>The audit cycle both rounds belong to; it has a draft summary.</summary>
    public string Cycle { get; } = "2023";

    /// <summary>The own institution's participation in <see cref="PublishedRoundId"/>.</summary>
    public string PublishedParticipationId { get; private set; } = "";

    public static async Task<MatrixWorld> CreateAsync(AuditApp app)
    {
        var world = new MatrixWorld(app);
        world.Clients[Caller.Anonymous] = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = app.ClientOptions.BaseAddress });
        world.Clients[Caller.Admin] = await app.ClientForAsync(Role.Admin);
        world.Clients[Caller.Analyst] = await app.ClientForAsync(Role.Analyst);
        world.Clients[Caller.Ministry] = await app.ClientForAsync(Role.Ministry);
        world.Clients[Caller.OwnRespondent] = await app.ClientForAsync(Role.Respondent, OwnInstitution);
        world.Clients[Caller.OtherRespondent] = await app.ClientForAsync(Role.Respondent, OtherInstitution);
        using var subject = await app.ClientForAsync(Role.Analyst);
        world.SubjectUserId = app.UserIds[subject];
        await world.CreateRoundAsync();
        await world.CreatePublishedRoundAsync();
        // Draft findings on the open round: the bureau reads them, the ministry is told there are none.
        await world.App.Services.GetRequiredService<Audit.Core.SectorFindings.ISectorFindingsRepository>().PutAsync(
            world.RoundId, "universiteit", "[]", "Concept.", null, Audit.TestSupport.ApprovedSectorFindings.Author, DateTimeOffset.UtcNow);
        await world.App.Services.GetRequiredService<Audit.Core.CycleFindings.ICycleFindingsRepository>().PutAsync(
            world.Cycle, "Concept van de samenvatting.", null, Audit.TestSupport.ApprovedSectorFindings.Author, DateTimeOffset.UtcNow);
        return world;
    }

    /// <summary>An open round of the shipped questionnaire, created through the API as the admin would.</summary>
    private async Task CreateRoundAsync()
    {
        var admin = Clients[Caller.Admin];
        var response = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            id = RoundId,
            title = "Matrix round",
            cycle = Cycle,
            questionnaire = new { key = "kennisveiligheid", version = "2023" },
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30),
        });
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        var opened = await admin.PostAsJsonAsync($"/api/v1/rounds/{RoundId}/status-changes", new { status = "open" });
        Assert.AreEqual(HttpStatusCode.OK, opened.StatusCode, await opened.Content.ReadAsStringAsync());
        var invited = await admin.PostAsJsonAsync($"/api/v1/rounds/{RoundId}/participations", new { institutionIds = new[] { OwnInstitution, OtherInstitution } });
        Assert.AreEqual(HttpStatusCode.OK, invited.StatusCode, await invited.Content.ReadAsStringAsync());
        var items = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray();
        ParticipationId = items.Single(p => p.GetProperty("institutionId").GetString() == OwnInstitution).GetProperty("id").GetString()!;
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 matrix"u8.ToArray()), "file", "beleid.pdf" } };
        var uploaded = await Clients[Caller.OwnRespondent].PostAsync($"{AnswerPath}/evidence", upload);
        Assert.AreEqual(HttpStatusCode.Created, uploaded.StatusCode, await uploaded.Content.ReadAsStringAsync());
        EvidenceId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Created, opened, invited, computed, closed and published through the API and the recompute job.</summary>
    private async Task CreatePublishedRoundAsync()
    {
        var admin = Clients[Caller.Admin];
        var created = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            id = PublishedRoundId,
            title = "Matrix round, published",
            cycle = Cycle,
            questionnaire = new { key = "kennisveiligheid", version = "2023" },
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30),
        });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/rounds/{PublishedRoundId}/status-changes", new { status = "open" })).StatusCode);
        var invited = await admin.PostAsJsonAsync($"/api/v1/rounds/{PublishedRoundId}/participations", new { institutionIds = new[] { OwnInstitution, OtherInstitution } });
        var items = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray();
        PublishedParticipationId = items.Single(p => p.GetProperty("institutionId").GetString() == OwnInstitution).GetProperty("id").GetString()!;
        await App.Services.GetRequiredService<Audit.Api.SectorViews.SectorRecomputeJob>().RunAsync(PublishedRoundId, "universiteit", CancellationToken.None);
        foreach (var status in new[] { "closed", "published" })
        {
            if (status == "published")
            {
                await SectorFindings.ApprovedFindings.EnsureAsync(App.Services, PublishedRoundId);
            }
            var changed = await admin.PostAsJsonAsync($"/api/v1/rounds/{PublishedRoundId}/status-changes", new { status });
            Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode, await changed.Content.ReadAsStringAsync());
        }
    }
}
