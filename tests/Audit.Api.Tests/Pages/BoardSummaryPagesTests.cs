using System.Net;
using Audit.Api.SectorViews;
using Audit.Api.Tests.Collection;
using Audit.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Pages;

/// <summary>The respondent's report page and the bureau's participation page link to the board summary PDF.</summary>
[TestClass]
public sealed class BoardSummaryPagesTests
{
    [TestMethod]
    public async Task The_respondents_report_page_links_to_the_board_summary_in_its_language()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();
        await world.App.Services.GetRequiredService<SectorRecomputeJob>().RunAsync("2023-pages", "universiteit", CancellationToken.None);
        await CollectionFixture.ChangeRoundAsync(world.Admin, "2023-pages", "closed");
        await CollectionFixture.ChangeRoundAsync(world.Admin, "2023-pages", "published");

        var dutch = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}/rapport", UriKind.Relative));
        var english = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}/rapport?lang=en", UriKind.Relative));
        var html = await browser.GetAsync(new Uri($"/api/v1/participations/{world.OwnId}/board-summary?lang=nl", UriKind.Relative));

        Assert.Contains($"href=\"/api/v1/participations/{world.OwnId}/board-summary?lang=nl&amp;format=pdf\" type=\"application/pdf\">Samenvatting voor het bestuursgesprek (PDF)</a>", dutch);
        Assert.Contains($"href=\"/api/v1/participations/{world.OwnId}/board-summary?lang=en&amp;format=pdf\" type=\"application/pdf\">Summary for the board conversation (PDF)</a>", english);
        Assert.AreEqual(HttpStatusCode.OK, html.StatusCode, "the respondent's own session reaches the address it is given");
    }

    [TestMethod]
    public async Task The_bureaus_participation_page_links_to_the_board_summary()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);

        var html = await world.Analyst.GetStringAsync(new Uri($"/bureau/deelnames/{world.OwnId}", UriKind.Relative));

        Assert.Contains($"href=\"/api/v1/participations/{world.OwnId}/board-summary?lang=nl&amp;format=pdf\" type=\"application/pdf\">Samenvatting voor het bestuursgesprek (PDF)</a>", html);
    }
}
