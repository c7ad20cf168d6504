using System.Data.Common;
using Audit.Data.Connections;
using Audit.Data.Migrations;

namespace Audit.Api.Health;

/// <summary>Probes for the orchestrator: anonymous, outside the versioned API and its OpenAPI document.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/live", Live);
        group.MapGet("/ready", ReadyAsync);
        return routes;
    }

    public sealed record HealthStatus(string Status, IReadOnlyList<string>? PendingMigrations = null);

    private static Ok<HealthStatus> Live() => TypedResults.Ok(new HealthStatus("live"));

    /// <summary>Ready when the database answers and every migration on disk has been applied.</summary>
    public static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> ReadyAsync(
        DbConnectionFactory factory, DatabaseMigrator migrator, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            var pending = await migrator.PendingAsync(cancellationToken);
            if (pending.Count > 0)
            {
                return ApiProblems.Status(StatusCodes.Status503ServiceUnavailable,
                    $"{pending.Count} database migration(s) are not applied: {string.Join(", ", pending)}.");
            }
            return TypedResults.Ok(new HealthStatus("ready"));
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            loggers.CreateLogger(typeof(HealthApi)).LogWarning(ex, "Readiness check could not reach the {Provider} database.", factory.Provider);
            // SqlClient caches a failed open in its pool; clearing it lets the next probe try afresh.
            if (factory.Provider == DatabaseProvider.SqlServer)
            {
                Microsoft.Data.SqlClient.SqlConnection.ClearAllPools();
            }
            return ApiProblems.Status(StatusCodes.Status503ServiceUnavailable, $"The {factory.Provider} database is not reachable.");
        }
    }
}
