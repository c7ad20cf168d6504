using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Answers;
using Audit.Api.Participations;
using Audit.Api.Problems;
using Audit.Application.Participations;
using Audit.Core.Access;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Reviews;

/// <summary>
/// The bureau's findings and recommendations per theme, for the feedback report. Versioned like answers (ETag,
/// If-Match; 428 once they exist). The bureau always reads them; the institution only once the round is published.
/// </summary>
public static class FindingsApi
{
    public sealed record ThemeFinding(string? ThemeKey, string? Finding, string? Recommendation);

    public sealed record FindingsRequest(IReadOnlyList<ThemeFinding>? Themes, string? Summary);

    public sealed record FindingsResponse(
        string ParticipationId, IReadOnlyList<ThemeFinding> Themes, string? Summary, int Version, string UpdatedBy, DateTimeOffset UpdatedAt)
    {
        public static FindingsResponse From(FindingsRecord f) =>
            new(f.ParticipationId, FindingsWorkflow.ThemesOf(f), f.Summary, f.Version, f.UpdatedBy, f.UpdatedAt);
    }

    public static IEndpointRouteBuilder MapFindings(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Reviews").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Respondent))
            .MapGet("/participations/{participationId}/findings", GetAsync).WithName("GetFindings");
        routes.MapGroup("/api/v1").WithTags("Reviews").RequireAuthorization(Policies.Bureau)
            .MapPut("/participations/{participationId}/findings", PutAsync).WithName("SaveFindings")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return routes;
    }

    public static async Task<Results<Ok<FindingsResponse>, ProblemHttpResult>> GetAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, ParticipationScopes scopes, IFindingsRepository findings,
        CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return LegacyScopes.NotFound(participationId);
        }
        if (principal.GetRole() == Role.Respondent && scope.Round.Round.Status != RoundStatus.Published)
        {
            return ApiProblems.Status(StatusCodes.Status403Forbidden, "The findings are shown to the institution once the round is published.");
        }
        if (await findings.GetAsync(participationId, cancellationToken) is not { } record)
        {
            return ApiProblems.NotFound("There are no findings for this participation yet.");
        }
        VersionTags.Set(http.Response, record.Version);
        return TypedResults.Ok(FindingsResponse.From(record));
    }

    public static async Task<Results<Ok<FindingsResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string participationId, FindingsRequest request, HttpContext http, ClaimsPrincipal principal, ParticipationScopes scopes,
        IFindingsRepository findings, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return LegacyScopes.NotFound(participationId);
        }
        if (!VersionTags.TryReadIfMatch(http.Request, out var expected))
        {
            return ApiProblems.Validation(VersionTags.InvalidIfMatch());
        }
        var errors = FindingsWorkflow.Validate(scope.Questionnaire, request.Themes, request.Summary);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        // As for answers: once findings exist, a writer must say which version it edited.
        if (expected is null && await findings.GetAsync(participationId, cancellationToken) is { } existing)
        {
            return Stale(StatusCodes.Status428PreconditionRequired, existing, http.Response,
                $"Findings exist (version {existing.Version}); send If-Match with the version you edited.");
        }
        var result = await FindingsWorkflow.SaveAsync(participationId, request.Themes!, request.Summary, expected, principal, findings, clock, cancellationToken);
        switch (result.Outcome)
        {
            case FindingsSaveOutcome.Saved:
                VersionTags.Set(http.Response, result.Findings!.Version);
                return TypedResults.Ok(FindingsResponse.From(result.Findings));
            case FindingsSaveOutcome.NotFound:
                return LegacyScopes.NotFound(participationId);
            default:
                return Stale(StatusCodes.Status412PreconditionFailed, result.Findings, http.Response, result.Findings is null
                    ? "There are no findings at that version; they do not exist yet."
                    : $"The findings were changed meanwhile; they are now at version {result.Findings.Version}.");
        }
    }

    private static ProblemHttpResult Stale(int status, FindingsRecord? current, HttpResponse response, string detail)
    {
        if (current is not null)
        {
            VersionTags.Set(response, current.Version);
        }
        return ApiProblems.Status(status, detail, new Dictionary<string, object?> { ["current"] = current is null ? null : FindingsResponse.From(current) });
    }
}
