using Audit.Api.Hosting;
using Audit.Api.Invitations;
using Audit.Api.Mail;
using Audit.Api.SectorViews;
using Audit.Application.SectorViews;
using Audit.Data.Connections;
using Hangfire.Dashboard;
using Hangfire;

namespace Audit.Api.Jobs;

public static class JobsExtensions
{
    /// <summary>
    /// Hangfire storage follows the database engine. The app's own tables remain the record of
    /// what work is owed; Hangfire is only how it gets done, so in-memory storage on SQLite loses
    /// nothing that a sweep cannot redo.
    /// </summary>
    public static WebApplicationBuilder AddAuditJobs(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var audit = builder.Configuration.GetSection(AuditOptions.SectionName).Get<AuditOptions>() ?? new AuditOptions();
        if (!DatabaseProviders.TryParse(database.Provider, out var provider))
        {
            return builder; // options validation reports the bad provider at start-up
        }

        builder.Services.AddHostJobStorage(provider, database);
        builder.Services.AddHangfire((services, config) =>
        {
            config.UseLogProvider(new ResilientHangfireLogProvider(services.GetRequiredService<ILoggerFactory>()));
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
        });
        builder.Services.AddTransient<SectorRecomputeJob>();
        builder.Services.AddSingleton<SectorStateCache>();
        builder.Services.AddTransient<SectorSweepJob>();
        builder.Services.AddSingleton<ISectorRecomputeScheduler, HangfireSectorRecomputeScheduler>();
        if (audit.ParsedRole.RunsJobs())
        {
            builder.Services.AddHangfireServer(server =>
            {
                server.WorkerCount = audit.JobWorkers;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                if (audit.SweepIntervalSeconds < 15)
                {
                    server.SchedulePollingInterval = TimeSpan.FromSeconds(audit.SweepIntervalSeconds);
                }
            });
        }
        return builder;
    }

    /// <summary>Recurring jobs, registered idempotently by every process (the storage keeps one copy).</summary>
    public static WebApplication ScheduleRecurringJobs(this WebApplication app)
    {
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<MailOutboxJob>(MailOutboxJob.RecurringId, job => job.SendPendingAsync(CancellationToken.None), Cron.Minutely());
        // Hourly, so a missed run is made up for the same day; the outbox's dedupe keys make the repeats harmless.
        recurring.AddOrUpdate<ReminderJob>(ReminderJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        var sweepSeconds = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuditOptions>>().Value.SweepIntervalSeconds;
        recurring.AddOrUpdate<SectorSweepJob>(SectorSweepJob.RecurringId, job => job.RunAsync(CancellationToken.None), SweepCron(sweepSeconds));
        return app;
    }

    /// <summary>Every minute by default; sub-minute intervals use Hangfire's six-field (seconds) cron.</summary>
    public static string SweepCron(int seconds) => seconds switch
    {
        < 60 => $"*/{seconds} * * * * *",
        _ when seconds % 60 == 0 && seconds / 60 < 60 => seconds == 60 ? Cron.Minutely() : $"*/{seconds / 60} * * * *",
        _ => Cron.Hourly(),
    };

    /// <summary>The dashboard at <c>/jobs</c>: admins only, signed in with a session (or a bearer token).</summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            DashboardTitle = "Audit — jobs",
            DisplayStorageConnectionString = false,
        });
        return app;
    }

    /// <summary>Runs after authentication, so the session cookie or bearer token has already made the principal.</summary>
    private sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(Audit.Core.Access.Roles.Admin);
    }
}
