using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Mail;
using Audit.Api.SectorViews;
using Audit.Api.Tests.Collection;
using Audit.Api.Tests.Reports;
using Audit.Application.SectorViews;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Mail;
using Audit.Core.SectorViews;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Rounds;

/// <summary>
/// A closed round ready to publish: fourteen universities invited, six accepted (uva and vu among them, each with one
/// respondent), the universiteit view computed. Recomputes are only recorded and the sweep and mail jobs are removed, so
/// a dirty mark the test writes stays until the test runs the recompute itself, and queued mail stays in the outbox.
/// </summary>
internal sealed class PublicationWorld : IAsyncDisposable
{
    private PublicationWorld(ReportWorld world) => World = world;

    public ReportWorld World { get; }

    public string RoundId => World.RoundId;

    public T Service<T>() where T : notnull => World.App.Services.GetRequiredService<T>();

    public static async Task<PublicationWorld> ClosedAsync(string roundId, Action<Infrastructure.AuditApp>? configure = null)
    {
        var world = await ReportWorld.CreateAsync(roundId, app =>
        {
            app.TestServices = services => services.AddSingleton<ISectorRecomputeScheduler>(new RecordingRecomputeScheduler());
            configure?.Invoke(app);
        });
        var recurring = world.App.Services.GetRequiredService<IRecurringJobManager>();
        recurring.RemoveIfExists(SectorSweepJob.RecurringId);
        recurring.RemoveIfExists(MailOutboxJob.RecurringId);
        await CollectionFixture.ChangeRoundAsync(world.Admin, roundId, "closed");
        return new PublicationWorld(world);
    }

    /// <summary>A recompute owed for the universiteit view, as after an accept whose job has not run yet.</summary>
    public Task MarkStaleAsync() =>
        Service<ISectorDirtyRepository>().MarkAsync(RoundId, [InstitutionType.Universiteit], Actor.System, DateTimeOffset.UtcNow);

    public Task RecomputeAsync() => Service<SectorRecomputeJob>().RunAsync(RoundId, "universiteit", CancellationToken.None);

    public Task<JsonElement> PreviewAsync() =>
        World.Analyst.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{RoundId}/publication-preview");

    /// <summary>Publishes after two analysts approved findings on every sector published with figures.</summary>
    public async Task<HttpResponseMessage> PublishAsync()
    {
        await SectorFindings.ApprovedFindings.EnsureAsync(World.App.Services, RoundId);
        return await PublishWithoutFindingsAsync();
    }

    /// <summary>Publishes as the round is, approved findings or not.</summary>
    public Task<HttpResponseMessage> PublishWithoutFindingsAsync() =>
        World.Admin.PostAsJsonAsync($"/api/v1/rounds/{RoundId}/status-changes", new { status = "published" });

    /// <summary>The publication mail of a respondent client of the world (uva's or vu's), or null.</summary>
    public Task<OutboxEntry?> MailOfAsync(HttpClient respondent) =>
        Service<IMailOutbox>().FindByDedupeKeyAsync(PublicationMail.DedupeKey(RoundId, World.App.UserIds[respondent]));

    public async Task<string> StatusAsync() =>
        (await World.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{RoundId}")).GetProperty("status").GetString()!;

    public ValueTask DisposeAsync() => World.DisposeAsync();
}
