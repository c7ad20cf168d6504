using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Audit.Drills.ScaleOut;

/// <summary>
/// YARP on a loopback port, round-robin over the web processes, standing in for the TLS-terminating proxy of a
/// deployment: it marks every request as HTTPS, so the services see <c>X-Forwarded-Proto: https</c> from a trusted
/// (loopback) proxy. It counts which backend served each request, so the drill can show the load was spread.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _served = new(StringComparer.Ordinal);

    private RoundRobinProxy(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests each destination (<c>web1</c>, <c>web2</c>, …) has answered since the last <see cref="TakeCounts"/>.</summary>
    public IReadOnlyDictionary<string, int> TakeCounts()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in _served.Keys)
        {
            counts[key] = _served.TryRemove(key, out var n) ? n : 0;
        }
        return counts;
    }

    public static async Task<RoundRobinProxy> StartAsync(IReadOnlyList<ServiceProcess> webs)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var destinations = webs.Select((web, i) => (Id: $"web{i + 1}", web.BaseAddress))
            .ToDictionary(d => d.Id, d => new DestinationConfig { Address = d.BaseAddress.ToString() }, StringComparer.Ordinal);
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "everything", ClusterId = "web", Match = new RouteMatch { Path = "{**rest}" } }],
            [new ClusterConfig { ClusterId = "web", LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin, Destinations = destinations }]);
        var app = builder.Build();
        var proxy = new RoundRobinProxy(app);
        // TLS ends here in a deployment: the forwarded-proto header YARP adds then says https.
        app.Use((context, next) =>
        {
            context.Request.Scheme = "https";
            return next(context);
        });
        app.MapReverseProxy(pipeline =>
        {
            pipeline.UseLoadBalancing();
            pipeline.Use(async (context, next) =>
            {
                await next();
                if (context.GetReverseProxyFeature().ProxiedDestination is { } destination)
                {
                    proxy._served.AddOrUpdate(destination.DestinationId, 1, (_, n) => n + 1);
                }
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.BaseAddress = new Uri(address);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
