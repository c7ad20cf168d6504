using Audit.Data.Connections;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;

namespace Audit.Api.Hosting;

/// <summary>Tells whoever started the service where to go next.</summary>
public static class StartupBanner
{
    public static WebApplication LogStartupBanner(this WebApplication app, ProcessRole role)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var baseUrl = addresses.FirstOrDefault() ?? "http://localhost:5080";
            var factory = app.Services.GetRequiredService<DbConnectionFactory>();
            var banner = string.Join(Environment.NewLine,
                $"Audit is running as '{role.ToString().ToLowerInvariant()}' on {factory.Provider}.",
                $"  Ready:  {baseUrl}/health/ready",
                $"  API:    {baseUrl}/api/v1/openapi.json",
                $"  Jobs:   {baseUrl}/jobs (admins only)",
                "  Token:  dotnet run --project src/Audit.Api -- tokens create --role admin");
            app.Logger.LogInformation("{Banner}", banner);
        });
        return app;
    }
}
