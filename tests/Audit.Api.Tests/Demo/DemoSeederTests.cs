using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Demo;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Demo;

[TestClass]
public sealed class DemoSeederTests
{
    [TestMethod]
    public async Task Demo_mode_publishes_2023_views_opens_2025_with_a_baseline_and_gives_links_and_is_idempotent()
    {
        await using var app = new AuditApp();
        using var ministry = await app.ClientForAsync(Role.Ministry);
        var seeder = app.Services.GetRequiredService<DemoSeeder>();

        var links = await seeder.RunAsync("http://localhost:5080", CancellationToken.None);
        var again = await seeder.RunAsync("http://localhost:5080", CancellationToken.None);

        Assert.HasCount(3, links);
        Assert.IsTrue(links.All(l => l.Contains("http://localhost:5080/uitnodiging/aud_", StringComparison.Ordinal)), string.Join("\n", links));
        Assert.HasCount(3, again, "a second run only issues fresh links");
        var view = await ministry.GetFromJsonAsync<JsonElement>("/api/v1/rounds/demo-2023-universiteiten/sector-views/universiteit");
        Assert.AreEqual("published", view.GetProperty("view").GetString());
        Assert.IsFalse(view.GetProperty("suppressed").GetBoolean(), "enough universities are accepted to publish");
        var round2025 = await ministry.GetFromJsonAsync<JsonElement>("/api/v1/rounds/demo-2025-universiteiten");
        Assert.AreEqual("open", round2025.GetProperty("status").GetString());
        Assert.AreEqual("demo-2023-universiteiten", round2025.GetProperty("baselineRoundId").GetString());
    }
}
