using Microsoft.Playwright;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// One service with the bureau's world and one browser, with a page signed in as the analyst and one as the ministry:
/// what a read-only class of bureau tests shares between its tests. Each class starts its own, so classes run in
/// parallel without sharing state.
/// </summary>
public sealed class BureauSession : IAsyncDisposable
{
    private BureauSession(Chromium chromium, WebApp app)
    {
        Chromium = chromium;
        App = app;
    }

    public Chromium Chromium { get; }

    public WebApp App { get; }

    public BureauWorld World { get; private set; } = null!;

    public IPage Analyst { get; private set; } = null!;

    public IPage Ministry { get; private set; } = null!;

    /// <param name="bypassCsp">For pages axe must inspect although their policy forbids its script (the sandboxed reports).</param>
    public static async Task<BureauSession> StartAsync(bool bypassCsp = false)
    {
        var session = new BureauSession(await Chromium.LaunchAsync(), WebApp.Start());
        try
        {
            session.World = await BureauWorld.CreateAsync(session.App);
            session.Analyst = await session.SignedInAsync(session.World.AnalystToken, bypassCsp);
            session.Ministry = await session.SignedInAsync(session.World.MinistryToken, bypassCsp);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task<IPage> SignedInAsync(string token, bool bypassCsp)
    {
        var page = await Chromium.NewPageAsync(App, bypassCsp: bypassCsp);
        await PageActions.SignInWithTokenAsync(page, token);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await App.DisposeAsync();
    }
}
