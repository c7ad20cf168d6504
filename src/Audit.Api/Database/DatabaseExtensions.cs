using Audit.Api.Questionnaires;
using Audit.Application.Participations;
using Audit.Core.Answers;
using Audit.Core.DeepDives;
using Audit.Core.AuditTrail;
using Audit.Core.Evidence;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.Reports;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Data.Connections;
using Audit.Data.Migrations;
using Audit.Data.Access;
using Audit.Data.Answers;
using Audit.Data.DeepDives;
using Audit.Data.AuditTrail;
using Audit.Data.Evidence;
using Audit.Data.Institutions;
using Audit.Data.Questionnaires;
using Audit.Data.Reports;
using Audit.Data.Reviews;
using Audit.Data.Rounds;
using Audit.Data.SectorViews;
using Microsoft.Extensions.Options;

namespace Audit.Api.Database;

public static class DatabaseExtensions
{
    /// <summary>The configured engine, its migrator and the Dapper repositories.</summary>
    public static WebApplicationBuilder AddAuditDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return new DbConnectionFactory(options.ParsedProvider, options.ConnectionString);
        });
        builder.Services.AddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<DbConnectionFactory>());
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            // A separate migration role (Database:MigrationConnectionString) runs the DDL; everything else, the readiness
            // check included, uses the runtime role.
            var owner = string.IsNullOrWhiteSpace(options.MigrationConnectionString)
                ? null
                : new DbConnectionFactory(options.ParsedProvider, options.MigrationConnectionString);
            return new DatabaseMigrator(
                sp.GetRequiredService<DbConnectionFactory>(),
                sp.GetRequiredService<ILogger<DatabaseMigrator>>(),
                string.IsNullOrWhiteSpace(options.MigrationsPath) ? null : options.MigrationsPath,
                owner);
        });
        builder.Services.AddSingleton<LocalTokenChanges>();
        builder.Services.AddSingleton<ITokenRevocations, TokenRevocations>();
        builder.Services.AddSingleton<IUserRepository, UserRepository>();
        builder.Services.AddSingleton<IUserTokenReader, UserTokenReader>();
        builder.Services.AddSingleton<IUserIdentityRepository, UserIdentityRepository>();
        builder.Services.AddSingleton<IDataProtectionKeyRepository, DataProtectionKeyRepository>();
        builder.Services.AddSingleton<IAuditEventRepository, AuditEventRepository>();
        builder.Services.AddSingleton<IInstitutionLookup, InstitutionLookup>();
        builder.Services.AddSingleton<IInstitutionRepository, InstitutionRepository>();
        builder.Services.AddSingleton<IInstitutionDirectory, InstitutionDirectory>();
        builder.Services.AddSingleton<IQuestionnaireRepository, QuestionnaireRepository>();
        builder.Services.AddSingleton<IRoundRepository, RoundRepository>();
        builder.Services.AddSingleton<IParticipationRepository, ParticipationRepository>();
        builder.Services.AddSingleton<ISectorViewRepository, SectorViewRepository>();
        builder.Services.AddSingleton<IIncludedAnswersReader, IncludedAnswersReader>();
        builder.Services.AddSingleton<IAnswerRepository, AnswerRepository>();
        builder.Services.AddSingleton<ISubmissionRepository, SubmissionRepository>();
        builder.Services.AddSingleton<IReviewRepository, ReviewRepository>();
        builder.Services.AddSingleton<IFindingsRepository, FindingsRepository>();
        builder.Services.AddSingleton<IDeepDiveRepository, DeepDiveRepository>();
        builder.Services.AddSingleton<Audit.Core.SectorFindings.ISectorFindingsRepository, Audit.Data.SectorFindings.SectorFindingsRepository>();
        builder.Services.AddSingleton<Audit.Core.CycleFindings.ICycleFindingsRepository, Audit.Data.CycleFindings.CycleFindingsRepository>();
        builder.Services.AddSingleton<Audit.Core.FollowUps.IFollowUpRepository, Audit.Data.FollowUps.FollowUpRepository>();
        builder.Services.AddSingleton<Audit.Core.ValidatedScores.IValidatedScoreRepository, Audit.Data.FollowUps.ValidatedScoreRepository>();
        builder.Services.AddSingleton<IEvidenceRepository, EvidenceRepository>();
        builder.Services.AddSingleton<IRoundProgressQuery, RoundProgressQuery>();
        builder.Services.AddSingleton<IRoundAnswersReader, RoundAnswersReader>();
        builder.Services.AddSingleton<ISectorDirtyRepository, SectorDirtyRepository>();
        builder.Services.AddSingleton<IRenderedReportRepository, RenderedReportRepository>();
        builder.Services.AddSingleton<ParticipationCompleteness>();
        builder.Services.AddTransient<DatabaseInitializer>();
        return builder;
    }

    /// <summary>
    /// Migrates and seeds before the first request. A failure stops start-up with the migrator's
    /// message, which names the offending script.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().RunAsync(app.Lifetime.ApplicationStopping);
    }
}
