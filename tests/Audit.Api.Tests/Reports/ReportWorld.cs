using System.Net;
using System.Net.Http.Json;
using Audit.Api.SectorViews;
using Audit.Api.Tests.Collection;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Paging;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Reports;

/// <summary>
/// A round with accepted universities and its universiteit view computed, plus a client per kind of caller.
/// <see cref="CreateAsync"/> invites all fourteen universities and accepts six (uva and vu among them), so the view
/// publishes figures; <see cref="CreateSmallAsync"/> invites only uva and vu (a withheld view, few reports: for PDFs).
/// </summary>
public sealed class ReportWorld : IAsyncDisposable
{
    public const string Own = CollectionFixture.Own;
    public const string Other = CollectionFixture.Other;

    private ReportWorld(AuditApp app, string roundId)
    {
        App = app;
        RoundId = roundId;
    }

    public AuditApp App { get; }

    public string RoundId { get; }

    /// <summary>Participation ids by institution id.</summary>
    public Dictionary<string, string> Participations { get; private set; } = [];

    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Analyst { get; private set; } = null!;
    public HttpClient Ministry { get; private set; } = null!;
    public HttpClient OwnRespondent { get; private set; } = null!;
    public HttpClient OtherRespondent { get; private set; } = null!;

    public string FeedbackUrl(string institutionId) => $"/api/v1/participations/{Participations[institutionId]}/feedback-report";

    public string SectorReportUrl => $"/api/v1/rounds/{RoundId}/sector-views/universiteit/report";

    public string ParliamentUrl => $"/api/v1/rounds/{RoundId}/parliament-report";

    public static async Task<ReportWorld> CreateAsync(string roundId, Action<AuditApp>? configure = null)
    {
        var world = await StartAsync(roundId, configure);
        var driver = new CollectionDriver(world.App, world.Admin);
        world.Participations = await driver.OpenRoundAsync(roundId, "universiteit");
        var accepted = new[] { Own, Other }.Concat(world.Participations.Keys.Where(k => k is not (Own or Other)).Order().Take(4));
        var seed = 0;
        foreach (var institution in accepted)
        {
            await driver.AcceptAsync(world.Participations[institution], ++seed);
        }
        await world.ComputeAsync();
        return world;
    }

    public static async Task<ReportWorld> CreateSmallAsync(string roundId, Action<AuditApp>? configure = null)
    {
        var world = await StartAsync(roundId, configure);
        var (own, other) = await CollectionFixture.OpenRoundAsync(world.Admin, roundId);
        world.Participations = new() { [Own] = own, [Other] = other };
        var driver = new CollectionDriver(world.App, world.Admin);
        await driver.AcceptAsync(own, 1);
        await driver.AcceptAsync(other, 2);
        await world.ComputeAsync();
        return world;
    }

    private static async Task<ReportWorld> StartAsync(string roundId, Action<AuditApp>? configure)
    {
        var app = new AuditApp();
        configure?.Invoke(app);
        var world = new ReportWorld(app, roundId)
        {
            Admin = await app.ClientForAsync(Role.Admin),
            Analyst = await app.ClientForAsync(Role.Analyst),
            Ministry = await app.ClientForAsync(Role.Ministry),
            OwnRespondent = await app.ClientForAsync(Role.Respondent, Own),
            OtherRespondent = await app.ClientForAsync(Role.Respondent, Other),
        };
        return world;
    }

    /// <summary>Computes the universiteit view now, as the job would after the accepts.</summary>
    public Task ComputeAsync() =>
        App.Services.GetRequiredService<SectorRecomputeJob>().RunAsync(RoundId, "universiteit", CancellationToken.None);

    public async Task PublishAsync()
    {
        await CollectionFixture.ChangeRoundAsync(Admin, RoundId, "closed");
        await CollectionFixture.ChangeRoundAsync(Admin, RoundId, "published");
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return client.SendAsync(request);
    }

    public static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body.Length > 2000 ? body[..2000] : body);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("<!DOCTYPE html>", body);
        return body;
    }

    /// <summary>The audit events on one object, newest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> EventsAsync(string objectId, string action) =>
        [.. (await App.Services.GetRequiredService<IAuditEventRepository>().QueryAsync(new AuditEventQuery(ObjectId: objectId), new PageRequest(1, PageRequest.MaxPageSize)))
            .Items.Where(e => e.Action == action)];

    public async Task<HttpResponseMessage> PutFindingsAsync(string institutionId, string finding)
    {
        var response = await Analyst.PutAsJsonAsync($"/api/v1/participations/{Participations[institutionId]}/findings", new
        {
            themes = new[] { new { themeKey = "governance", finding, recommendation = "Beleg het." } },
            summary = "Samenvatting",
        });
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Admin, Analyst, Ministry, OwnRespondent, OtherRespondent })
        {
            client?.Dispose();
        }
        await App.DisposeAsync();
    }
}
