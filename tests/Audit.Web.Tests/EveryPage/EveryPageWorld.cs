using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Core.Access;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests.EveryPage;

/// <summary>
/// The bureau's world (<see cref="BureauWorld"/>: an open round where uva submitted, a published one where it was
/// accepted) plus what the other pages need: a draft round, and a round where uva's participation is still being
/// filled in. One signed-in page per <see cref="Visitor"/>, at the viewport the test class gives.
/// </summary>
public sealed class EveryPageWorld : IAsyncDisposable
{
    public const string DraftRound = "2023-web-concept";
    public const string EditableRound = "2023-web-bezig";

    private readonly Dictionary<Visitor, IPage> pages = [];

    private EveryPageWorld(BureauSession session) => Session = session;

    public BureauSession Session { get; }

    public string EditableParticipation { get; private set; } = "";

    public static async Task<EveryPageWorld> StartAsync(ViewportSize viewport)
    {
        var world = new EveryPageWorld(await BureauSession.StartAsync());
        try
        {
            await world.CreateRoundsAsync();
            var app = world.Session.App;
            var tokens = new Dictionary<Visitor, string?>
            {
                [Visitor.Anonymous] = null,
                [Visitor.Respondent] = world.Session.World.RespondentToken,
                [Visitor.Analyst] = world.Session.World.AnalystToken,
                [Visitor.Admin] = await app.UserWithTokenAsync("Bea Beheer", Role.Admin),
                [Visitor.Ministry] = world.Session.World.MinistryToken,
            };
            foreach (var (visitor, token) in tokens)
            {
                var page = await world.Session.Chromium.NewPageAsync(app);
                await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
                if (token is not null)
                {
                    await PageActions.SignInWithTokenAsync(page, token);
                }
                world.pages[visitor] = page;
            }
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    public IPage PageOf(Visitor visitor) => pages[visitor];

    /// <summary>The visit's address with the world's ids in place of the catalog's placeholders.</summary>
    public string Resolve(string path) => path
        .Replace("{own}", Session.World.OwnParticipation, StringComparison.Ordinal)
        .Replace("{accepted}", Session.World.PublishedParticipation, StringComparison.Ordinal)
        .Replace("{editable}", EditableParticipation, StringComparison.Ordinal)
        .Replace("{open}", BureauWorld.OpenRound, StringComparison.Ordinal)
        .Replace("{published}", BureauWorld.PublishedRound, StringComparison.Ordinal)
        .Replace("{draft}", DraftRound, StringComparison.Ordinal);

    private async Task CreateRoundsAsync()
    {
        var admin = Session.World.Admin;
        foreach (var id in new[] { DraftRound, EditableRound })
        {
            await ExpectAsync(HttpStatusCode.Created, await admin.PostAsJsonAsync("/api/v1/rounds", new
            {
                id,
                title = $"Ronde {id}",
                questionnaire = new { key = "kennisveiligheid", version = "2023" },
                opensAt = DateTimeOffset.UtcNow.AddDays(-1),
                closesAt = DateTimeOffset.UtcNow.AddDays(21),
            }));
        }
        await ExpectAsync(HttpStatusCode.OK, await admin.PostAsJsonAsync($"/api/v1/rounds/{EditableRound}/status-changes", new { status = "open" }));
        var invited = await admin.PostAsJsonAsync($"/api/v1/rounds/{EditableRound}/participations", new { institutionIds = new[] { BureauWorld.Own } });
        await ExpectAsync(HttpStatusCode.OK, invited);
        EditableParticipation = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("id").GetString()!;
        var answers = new object[] { new { questionKey = "governance.bestuurder", value = "yes" } };
        await ExpectAsync(HttpStatusCode.OK, await Session.World.Respondent.PatchAsJsonAsync(
            $"/api/v1/participations/{EditableParticipation}/answers", new { answers }));
    }

    private static async Task ExpectAsync(HttpStatusCode expected, HttpResponseMessage response) =>
        Assert.AreEqual(expected, response.StatusCode, await response.Content.ReadAsStringAsync());

    public async ValueTask DisposeAsync() => await Session.DisposeAsync();
}
