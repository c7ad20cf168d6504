using Audit.Api.Hosting;
using Audit.Data.Connections;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire;
using Microsoft.Data.SqlClient;

namespace Audit.Api.Jobs;

/// <summary>
/// Registers Hangfire's storage and job activator per host. <c>AddHangfire</c> only registers them if absent, and
/// then as the process-wide <c>JobStorage.Current</c> and <c>JobActivator.Current</c> as they stand when first
/// resolved; those belong to whichever host configured Hangfire last. Two hosts in one process (the test suite
/// starts them in parallel) would then enqueue into each other's storage, and a job would run in the other host's
/// container, against its database, or in no living host at all.
/// </summary>
internal static class HostJobStorage
{
    public static IServiceCollection AddHostJobStorage(this IServiceCollection services, DatabaseProvider provider, DatabaseOptions database)
    {
        services.AddSingleton<JobStorage>(serviceProvider =>
        {
            // The global configuration (serializer settings) must be in place before the storage serves a job.
            serviceProvider.GetRequiredService<IGlobalConfiguration>();
            return Create(provider, database);
        });
        services.AddSingleton<JobActivator>(serviceProvider =>
            new AspNetCoreJobActivator(serviceProvider.GetRequiredService<IServiceScopeFactory>()));
        return services;
    }

    /// <summary>Hangfire storage follows the database engine; SQLite keeps jobs in memory (see <see cref="JobsExtensions"/>).</summary>
    private static JobStorage Create(DatabaseProvider provider, DatabaseOptions database) => provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerStorage(() => new SqlConnection(database.ConnectionString), new SqlServerStorageOptions
        {
            PrepareSchemaIfNecessary = JobStoreSchema.StoragePreparesSchema(database),
            SchemaName = JobStoreSchema.Name,
        }),
        DatabaseProvider.Postgres => PostgresStorage(database),
        _ => new InMemoryStorage(new InMemoryStorageOptions()),
    };

    private static PostgreSqlStorage PostgresStorage(DatabaseOptions database)
    {
        var options = new PostgreSqlStorageOptions
        {
            PrepareSchemaIfNecessary = JobStoreSchema.StoragePreparesSchema(database),
            SchemaName = JobStoreSchema.Name,
            // An idle worker looks for new jobs this often (the storage's default is 15 s). With web and worker processes
            // apart, a recompute enqueued by an accept on a web process otherwise waited up to 15 s for a worker, and a
            // sweep due every few seconds as long (the scale-out drill measured 3–30 s from a worker's death to the other
            // taking over). One cheap query per idle worker a second.
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options, null), options);
    }
}
