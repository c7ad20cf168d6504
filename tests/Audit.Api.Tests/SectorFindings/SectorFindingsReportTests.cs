using System.Net;
using System.Net.Http.Json;
using Audit.Api.Tests.Reports;
using Audit.Core.Access;
using static Audit.Api.Tests.Reports.ReportWorld;

namespace Audit.Api.Tests.SectorFindings;

/// <summary>
/// The report to parliament leads with the round's APPROVED findings: a draft or a version changed after approval
/// never appears, and what an analyst writes comes out as text, never as markup.
/// </summary>
[TestClass]
public sealed class SectorFindingsReportTests
{
    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string summary, string findings, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = JsonContent.Create(new { summary, themes = new[] { new { themeKey = "governance", findings, recommendations = "Maak **beleid**." } } }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> ApproveAsync(HttpClient client, string url, int version)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url + "/approvals");
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    [TestMethod]
    public async Task Only_approved_findings_reach_the_report_and_a_change_takes_them_out_until_approved_again()
    {
        await using var world = await CreateAsync("2023-sf-report");
        var colleague = await world.App.ClientForAsync(Role.Analyst);
        var url = $"/api/v1/rounds/{world.RoundId}/sector-views/universiteit/findings";

        Assert.AreEqual(HttpStatusCode.OK, (await PutAsync(world.Analyst, url, "CONCEPT-SAMENVATTING", "CONCEPT-BEVINDING")).StatusCode);
        var draftOnly = await HtmlAsync(await GetAsync(world.Analyst, world.ParliamentUrl));
        Assert.DoesNotContain("CONCEPT-", draftOnly, "a draft never reaches a report");

        Assert.AreEqual(HttpStatusCode.OK, (await ApproveAsync(colleague, url, 1)).StatusCode);
        var approved = await HtmlAsync(await GetAsync(world.Analyst, world.ParliamentUrl));
        Assert.Contains("CONCEPT-SAMENVATTING", approved);
        Assert.Contains("<p>CONCEPT-BEVINDING</p>", approved);
        Assert.Contains("<p>Maak <strong>beleid</strong>.</p>", approved, "Markdown is rendered");

        Assert.AreEqual(HttpStatusCode.OK, (await PutAsync(colleague, url, "GEWIJZIGD-NIET-GOEDGEKEURD", "GEWIJZIGDE-BEVINDING", "\"1\"")).StatusCode);
        var changed = await HtmlAsync(await GetAsync(world.Analyst, world.ParliamentUrl));
        Assert.DoesNotContain("GEWIJZIGD", changed, "an unapproved version never reaches a report");
        Assert.DoesNotContain("CONCEPT-SAMENVATTING", changed, "the change withdrew the approval of the earlier text");
    }

    [TestMethod]
    public async Task Markup_an_analyst_writes_comes_out_escaped()
    {
        await using var world = await CreateAsync("2023-sf-escape");
        var colleague = await world.App.ClientForAsync(Role.Analyst);
        var url = $"/api/v1/rounds/{world.RoundId}/sector-views/universiteit/findings";
        const string Evil = "<script>alert('x')</script> a < b & \"c\" <img src=x onerror=alert(1)> [klik](javascript:alert(1))";

        Assert.AreEqual(HttpStatusCode.OK, (await PutAsync(world.Analyst, url, Evil, "- punt <b>vet</b>")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await ApproveAsync(colleague, url, 1)).StatusCode);
        var html = await HtmlAsync(await GetAsync(world.Analyst, world.ParliamentUrl));

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.DoesNotContain("<b>vet</b>", html);
        Assert.Contains("&lt;script&gt;alert(", html);
        Assert.Contains("a &lt; b &amp; ", html);
        Assert.Contains("<li>punt &lt;b&gt;vet&lt;/b&gt;</li>", html, "lists are rendered, tags inside them are text");
    }
}
