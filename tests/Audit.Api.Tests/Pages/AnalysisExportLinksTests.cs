using System.Net;
using System.Net.Http.Json;
using Audit.Api.Tests.Infrastructure;

namespace Audit.Api.Tests.Pages;

/// <summary>The round dashboard links the analysis exports, and the trend against the baseline round when it has one.</summary>
[TestClass]
public sealed class AnalysisExportLinksTests
{
    [TestMethod]
    public async Task The_dashboard_links_the_round_zip_and_the_trend_against_its_baseline()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);
        var created = await world.Admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            id = "analysis-later",
            title = "Later",
            questionnaire = new { key = "kennisveiligheid", version = "2023" },
            opensAt = DateTimeOffset.UtcNow.AddDays(1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30),
            baselineRoundId = world.RoundId,
        });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());

        var without = await world.Analyst.GetStringAsync(new Uri($"/bureau/rondes/{world.RoundId}", UriKind.Relative));
        var with = await world.Analyst.GetStringAsync(new Uri("/bureau/rondes/analysis-later?lang=en", UriKind.Relative));

        Assert.Contains($"href=\"/api/v1/rounds/{world.RoundId}/exports/analysis.zip\"", without);
        Assert.Contains($"href=\"/api/v1/rounds/{world.RoundId}/exports/analysis.zip?include=submitted\"", without);
        Assert.Contains("Analysebestanden (R, SPSS, Stata)", without);
        Assert.Contains("geen vergelijkingsronde", without);
        Assert.DoesNotContain("href=\"/api/v1/exports/trend.zip", without);
        var trend = $"/api/v1/exports/trend.zip?rounds={world.RoundId},analysis-later";
        Assert.Contains($"href=\"{trend}\"", with);
        Assert.Contains($"Trend file with the baseline round {world.RoundId} (.zip)", with);
        var response = await world.Analyst.GetAsync(new Uri(trend, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("application/zip", response.Content.Headers.ContentType?.MediaType);
    }
}
