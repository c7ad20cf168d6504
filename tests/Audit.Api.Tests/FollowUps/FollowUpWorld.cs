using System.Net;
using System.Net.Http.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.AuditTrail;
using Audit.Core.Rounds;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.FollowUps;

/// <summary>
/// A published 2023 round in which the bureau recommended uva something on governance and risicoanalyse (and vu
/// nothing), and an open 2025 round with that baseline: uva's 2025 participation has two recommendations to follow up.
/// </summary>
public sealed class FollowUpWorld
{
    public const string Baseline = "fu-2023";
    public const string Current = "fu-2025";

    public required AuditApp App { get; init; }
    public required HttpClient Admin { get; init; }
    public required HttpClient Analyst { get; init; }
    public required HttpClient Own { get; init; }
    public required HttpClient Other { get; init; }
    public required HttpClient Ministry { get; init; }
    public required string OwnBaseline { get; init; }
    public required string OwnCurrent { get; init; }
    public required string OtherCurrent { get; init; }

    public static async Task<FollowUpWorld> CreateAsync(AuditApp app)
    {
        var admin = await app.ClientForAsync(Audit.Core.Access.Role.Admin);
        var analyst = await app.ClientForAsync(Audit.Core.Access.Role.Analyst);
        var own = await app.ClientForAsync(Audit.Core.Access.Role.Respondent, Collection.CollectionFixture.Own);
        var other = await app.ClientForAsync(Audit.Core.Access.Role.Respondent, Collection.CollectionFixture.Other);
        var ministry = await app.ClientForAsync(Audit.Core.Access.Role.Ministry);
        var (ownOld, otherOld) = await OpenRoundAsync(admin, Baseline);
        var q2023 = await QuestionnaireAsync(app, "2023");
        foreach (var (client, id) in new[] { (own, ownOld), (other, otherOld) })
        {
            await FillAndSubmitAsync(client, id, q2023);
            Assert.AreEqual(HttpStatusCode.OK, (await ReviewAsync(analyst, id, "accept")).StatusCode);
        }
        var findings = await analyst.PutAsJsonAsync($"/api/v1/participations/{ownOld}/findings", new
        {
            themes = new object[]
            {
                new { themeKey = "governance", finding = "Geen portefeuillehouder.", recommendation = "Wijs een portefeuillehouder kennisveiligheid aan." },
                new { themeKey = "risicoanalyse", finding = "Geen risicoanalyse.", recommendation = "Voer jaarlijks een risicoanalyse uit." },
                new { themeKey = "personeel", finding = "In orde.", recommendation = (string?)null },
            },
        });
        Assert.AreEqual(HttpStatusCode.OK, findings.StatusCode, await findings.Content.ReadAsStringAsync());
        // Publication readiness is not what these tests are about: move the baseline round straight to published.
        var rounds = app.Services.GetRequiredService<IRoundRepository>();
        foreach (var (from, to) in new[] { (RoundStatus.Open, RoundStatus.Closed), (RoundStatus.Closed, RoundStatus.Published) })
        {
            var changed = await rounds.ChangeStatusAsync(Baseline, from, to,
                new AuditEvent(DateTimeOffset.UtcNow, "test", "admin", "round." + to.ToWireName(), "round", Baseline, null));
            Assert.IsTrue(changed.Changed);
        }
        var (ownNew, otherNew) = await OpenRoundAsync(admin, Current, "2025", Baseline);
        return new FollowUpWorld
        {
            App = app, Admin = admin, Analyst = analyst, Own = own, Other = other, Ministry = ministry,
            OwnBaseline = ownOld, OwnCurrent = ownNew, OtherCurrent = otherNew,
        };
    }

    public static string ListUrl(string participationId) => $"/api/v1/participations/{participationId}/recommendation-follow-ups";

    public static string ItemUrl(string participationId, string recommendationId) => $"{ListUrl(participationId)}/{recommendationId}";

    public static HttpRequestMessage Put(string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }
}
