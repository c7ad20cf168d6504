using Audit.Application.Questionnaires;
using Audit.Application.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Application;

public static class ApplicationServices
{
    /// <summary>
    /// Every use case (a public sealed class of this assembly with an <c>ExecuteAsync</c>) and the shared pieces they
    /// use. Singletons, like the repositories they take: a use case holds no state between calls.
    /// </summary>
    public static IServiceCollection AddAuditUseCases(this IServiceCollection services)
    {
        services.AddSingleton<QuestionnaireCatalog>();
        services.AddSingleton<ParticipationScopes>();
        services.AddSingleton<ConfidentialReads>();
        services.AddSingleton<ReportInputs>();
        services.AddSingleton<DeepDives.DeepDiveSectors>();
        services.AddSingleton<FollowUps.BaselineRecommendations>();
        var useCases = typeof(ApplicationServices).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsSealed: true, IsPublic: true } && t.GetMethod("ExecuteAsync") is not null);
        foreach (var useCase in useCases)
        {
            services.AddSingleton(useCase);
        }
        return services;
    }
}
