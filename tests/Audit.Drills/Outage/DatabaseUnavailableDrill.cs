using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Audit.Data.Connections;

namespace Audit.Drills.Outage;

/// <summary>
/// PostgreSQL stops under a running service: readiness turns 503, reads and writes fail fast with 503
/// problem+json, and once PostgreSQL is back the same process serves again without a restart.
/// </summary>
public sealed class DatabaseUnavailableDrill : IDrill
{
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(10);

    public string Name => "database-unavailable";

    public string Description => "stop PostgreSQL under the running service, then bring it back";

    public async Task<string> RunAsync(DrillSettings settings, DrillLog log)
    {
        if (DrillDatabase.PostgresAdmin is not { } admin)
        {
            return "skipped: AUDIT_TEST_POSTGRES is not set";
        }
        var cluster = PostgresCluster.Find(admin)
            ?? throw new DrillFailure("No local cluster in pg_lsclusters serves the port of AUDIT_TEST_POSTGRES.");
        var work = settings.WorkDir(Name);
        await using var database = await DrillDatabase.CreateAsync(DatabaseProvider.Postgres, work);
        await using var service = await ServiceProcess.StartAsync(settings, database, work);
        using var client = service.Client(timeout: TimeSpan.FromSeconds(30));
        await ExpectAsync(client, "write before the outage", Institution(1), HttpStatusCode.Created);
        log.Line($"service {service.Pid} on {database.ProviderName}; cluster {cluster.Version}/{cluster.Name} on port {cluster.Port}");

        cluster.Stop();
        log.Line("PostgreSQL stopped");
        try
        {
            var ready = await WaitForAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20));
            log.Line($"/health/ready: 503 problem+json after {ready.TotalSeconds:0.0} s");
            var write = await ExpectAsync(client, "write during the outage", Institution(2), HttpStatusCode.ServiceUnavailable);
            log.Line($"POST /api/v1/institutions: 503 problem+json in {write.TotalSeconds:0.00} s");
            var read = await ExpectAsync(client, "read during the outage", null, HttpStatusCode.ServiceUnavailable);
            log.Line($"GET /api/v1/institutions: 503 problem+json in {read.TotalSeconds:0.00} s");
        }
        finally
        {
            cluster.Start();
            log.Line("PostgreSQL started");
        }

        var back = await WaitForAsync(client, "/health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        log.Line($"/health/ready: 200 again after {back.TotalSeconds:0.0} s, same process {service.Pid}");
        await ExpectAsync(client, "write after the outage", Institution(3), HttpStatusCode.Created);
        log.Line("POST /api/v1/institutions: 201 again");
        if (service.HasExited)
        {
            throw new DrillFailure("The service exited during the outage:" + Environment.NewLine + service.Tail());
        }
        return "passed";
    }

    private static object Institution(int n) => new { id = $"drill-outage-{n}", name = $"Drill outage institute {n}", type = "overig", city = "Utrecht" };

    /// <summary>Sends a write (with a body) or a read; the answer must come within <see cref="FailFast"/>.</summary>
    private static async Task<TimeSpan> ExpectAsync(HttpClient client, string what, object? body, HttpStatusCode expected)
    {
        var watch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = body is null ? await client.GetAsync("/api/v1/institutions") : await client.PostAsJsonAsync("/api/v1/institutions", body);
        }
        catch (TaskCanceledException)
        {
            throw new DrillFailure($"{what}: no answer within {client.Timeout.TotalSeconds:0} s (the request hangs)");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                throw new DrillFailure($"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            }
            if ((int)expected >= 400 && DrillApi.ProblemDefect(response, text) is { } defect)
            {
                throw new DrillFailure($"{what}: {defect}");
            }
        }
        if (watch.Elapsed > FailFast)
        {
            throw new DrillFailure($"{what}: took {watch.Elapsed.TotalSeconds:0.0} s; a failure must come within {FailFast.TotalSeconds:0} s");
        }
        return watch.Elapsed;
    }

    private static async Task<TimeSpan> WaitForAsync(HttpClient client, string path, HttpStatusCode expected, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var last = "no answer";
        while (watch.Elapsed < timeout)
        {
            try
            {
                using var response = await client.GetAsync(path);
                var text = await response.Content.ReadAsStringAsync();
                last = $"{(int)response.StatusCode} {text}";
                if (response.StatusCode == expected)
                {
                    if ((int)expected >= 400 && DrillApi.ProblemDefect(response, text) is { } defect)
                    {
                        throw new DrillFailure($"{path}: {defect}");
                    }
                    return watch.Elapsed;
                }
            }
            catch (TaskCanceledException)
            {
                last = "timed out";
            }
            await Task.Delay(250);
        }
        throw new DrillFailure($"{path} did not turn {(int)expected} within {timeout.TotalSeconds:0} s; last answer: {last}");
    }
}
