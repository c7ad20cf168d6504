namespace Audit.Api.Demo;

public static class DemoExtensions
{
    public static WebApplicationBuilder AddAuditDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<DemoSeeder>();
        builder.Services.AddTransient<DemoParticipations>();
        builder.Services.AddTransient<DemoUsers>();
        builder.Services.AddTransient<DemoFindings>();
        builder.Services.AddTransient<DemoCycle>();
        builder.Services.AddTransient<DemoDeepDive>();
        builder.Services.AddTransient<DemoFollowUps>();
        return builder;
    }

    /// <summary>Seeds the demo rounds and prints the sign-in links where the person who started the service sees them.</summary>
    public static async Task RunDemoAsync(this WebApplication app)
    {
        var baseUrl = (app.Configuration["Urls"] ?? "http://localhost:5080").Split(';')[0];
        var links = await app.Services.GetRequiredService<DemoSeeder>().RunAsync(baseUrl, app.Lifetime.ApplicationStopping);
        Console.WriteLine();
        Console.WriteLine("Demo ready. Sign in with these one-time links (valid 14 days):");
        foreach (var link in links)
        {
            Console.WriteLine("  " + link);
        }
        Console.WriteLine();
    }
}
