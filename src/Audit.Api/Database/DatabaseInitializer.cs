using Audit.Api.Hosting;
using Audit.Api.Questionnaires;
using Audit.Application.Questionnaires;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Data.Connections;
using Audit.Data.Migrations;
using Audit.Data.Seeding;
using Microsoft.Extensions.Options;

namespace Audit.Api.Database;

/// <summary>Start-up work on the database: migrations, then the idempotent seeds.</summary>
public sealed class DatabaseInitializer(
    DatabaseMigrator migrator,
    IUserRepository users,
    IInstitutionRepository institutions,
    QuestionnaireCatalog questionnaires,
    IOptions<AuditOptions> options,
    IOptions<DatabaseOptions> database,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public const string BootstrapAdminId = "admin";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Migrate(migrator, database.Value);
        var seeded = await InstitutionRegistryFile.SeedAsync(institutions, InstitutionRegistryFile.DefaultPath, Actor.System, clock.GetUtcNow(), cancellationToken);
        if (seeded.Count > 0)
        {
            logger.LogInformation("Seeded {Count} institutions from the registry.", seeded.Count);
        }
        await questionnaires.SeedShippedAsync(QuestionnaireCatalog.ShippedFolder, clock.GetUtcNow(), cancellationToken);
        await EnsureBootstrapAdminAsync(cancellationToken);
    }

    /// <summary>The app's migrations, then (with a separate migration role) the job store's schema.</summary>
    public static void Migrate(DatabaseMigrator migrator, DatabaseOptions database)
    {
        migrator.Migrate();
        Jobs.JobStoreSchema.InstallWithMigrationRole(database);
    }

    /// <summary>Creates the first admin with the configured token, once: only while no admin exists.</summary>
    private async Task EnsureBootstrapAdminAsync(CancellationToken cancellationToken)
    {
        var token = options.Value.BootstrapAdminToken;
        if (string.IsNullOrEmpty(token) || await users.AnyWithRoleAsync(Role.Admin, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var admin = new User(BootstrapAdminId, "Beheerder", "admin@audit.local", Role.Admin, null, true, now);
        var stored = StoredToken.For(admin.Id, TokenKind.PersonalAccessToken, token, now, null);
        if (await users.InsertWithTokenAsync(admin, stored, Actor.System.Did("user.bootstrapped", "user", admin.Id, now), cancellationToken))
        {
            logger.LogInformation("Created the bootstrap admin user '{UserId}' with the configured token.", admin.Id);
        }
    }
}
