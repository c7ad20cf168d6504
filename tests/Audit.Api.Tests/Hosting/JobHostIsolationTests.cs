using Audit.TestSupport;
using System.Collections.Concurrent;
using Audit.Api.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Hosting;

/// <summary>
/// Several hosts in one process (this suite starts them in parallel) each keep their own Hangfire storage and job
/// activator. Hangfire's defaults are process-wide statics owned by the host that configured it last; with those, a
/// render posted to one host was once enqueued into another's storage and never ran where the test waited for it.
/// </summary>
[TestClass]
public sealed class JobHostIsolationTests
{
    /// <summary>Records which host ran a job: a singleton per host.</summary>
    public sealed class Ran
    {
        public ConcurrentBag<string> Tags { get; } = [];
    }

    /// <summary>A job activated from the container of the host whose server runs it.</summary>
    public sealed class ProbeJob(Ran ran)
    {
        public Ran Recorder => ran;

        public void Run(string tag) => ran.Tags.Add(tag);
    }

    private static AuditApp NewApp()
    {
        var app = new AuditApp();
        app.TestServices = services => services.AddSingleton<Ran>();
        return app;
    }

    [TestMethod]
    public async Task Hosts_started_at_once_each_run_their_own_jobs_from_their_own_storage()
    {
        await using var first = NewApp();
        await using var second = NewApp();
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        var firstStorage = first.Services.GetRequiredService<JobStorage>();
        var secondStorage = second.Services.GetRequiredService<JobStorage>();
        Assert.AreNotSame(firstStorage, secondStorage);
        var firstJob = first.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ProbeJob>(job => job.Run("first"));
        var secondJob = second.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ProbeJob>(job => job.Run("second"));

        await Eventually.UntilAsync(() => Task.FromResult(TagsRunBy(first).Length == 1 && TagsRunBy(second).Length == 1), "each host ran one job");
        Assert.AreSequenceEqual(new[] { "first" }, TagsRunBy(first));
        Assert.AreSequenceEqual(new[] { "second" }, TagsRunBy(second));
        Assert.AreEqual("first", ArgumentOf(firstStorage, firstJob));
        Assert.AreEqual("second", ArgumentOf(secondStorage, secondJob));
    }

    [TestMethod]
    public async Task A_hosts_storage_and_activator_are_not_the_process_wide_ones()
    {
        await using var app = NewApp();
        _ = app.Server;

        // The statics belong to whichever host configured Hangfire last; a host that took them shares its jobs.
        Assert.AreNotSame(CurrentStorageOrNull(), app.Services.GetRequiredService<JobStorage>());
        Assert.AreNotSame(JobActivator.Current, app.Services.GetRequiredService<JobActivator>());
        using var scope = app.Services.GetRequiredService<JobActivator>().BeginScope((JobActivatorContext)null!);
        Assert.AreSame(app.Services.GetRequiredService<Ran>(), ((ProbeJob)scope.Resolve(typeof(ProbeJob))).Recorder,
            "jobs are built from this host's container");
    }

    private static string[] TagsRunBy(AuditApp app) => [.. app.Services.GetRequiredService<Ran>().Tags];

    private static string? ArgumentOf(JobStorage storage, string jobId) =>
        storage.GetMonitoringApi().JobDetails(jobId)?.Job?.Args.Single() as string;

    private static JobStorage? CurrentStorageOrNull()
    {
        try
        {
            return JobStorage.Current;
        }
        catch (InvalidOperationException)
        {
            return null; // never set: no host put its storage in the static
        }
    }
}
