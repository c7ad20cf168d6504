using Audit.Api.Answers;
using Audit.Application.ValidatedScores;
using Audit.Core.ValidatedScores;

namespace Audit.Api.FollowUps;

/// <summary>
/// The bureau's validated score per theme over HTTP (ETag out, If-Match in). The rules live in
/// <see cref="ReadValidatedScores"/> and <see cref="SaveValidatedScore"/>.
/// </summary>
public static class ValidatedScoresApi
{
    /// <param name="SelfAssessed">The institution's own theme score (mean of its maturity answers); null when none answered.</param>
    /// <param name="Score">The validated score, 0–5 with one decimal; null while the bureau has not recorded one.</param>
    public sealed record ThemeScoreResponse(string ThemeKey, decimal? SelfAssessed, decimal? Score, string? Justification, int? Version)
    {
        public static ThemeScoreResponse From(ThemeScore t) => new(t.ThemeKey, t.SelfAssessed is { } s ? decimal.Round(s, 2, MidpointRounding.AwayFromZero) : null,
            t.Validated?.Score, t.Validated?.Justification, t.Validated?.Version);
    }

    public sealed record ValidatedScoreListResponse(string ParticipationId, bool CanRecord, IReadOnlyList<ThemeScoreResponse> Themes);

    public sealed record ValidatedScoreResponse(string ThemeKey, decimal Score, string Justification, int Version, string UpdatedBy, DateTimeOffset UpdatedAt)
    {
        public static ValidatedScoreResponse From(ValidatedScoreRecord s) => new(s.ThemeKey, s.Score, s.Justification, s.Version, s.UpdatedBy, s.UpdatedAt);
    }

    /// <param name="Score">0 to 5 with at most one decimal.</param>
    /// <param name="Justification">1 to 1000 characters.</param>
    public sealed record ValidatedScoreRequest(decimal? Score, string? Justification);

    public static IEndpointRouteBuilder MapValidatedScores(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Reviews").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Respondent))
            .MapGet("/participations/{participationId}/validated-scores", ListAsync).WithName("ListValidatedScores");
        routes.MapGroup("/api/v1").WithTags("Reviews").RequireAuthorization(Policies.Bureau)
            .MapPut("/participations/{participationId}/validated-scores/{themeKey}", PutAsync).WithName("SaveValidatedScore")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return routes;
    }

    public static async Task<Results<Ok<ValidatedScoreListResponse>, ProblemHttpResult>> ListAsync(
        string participationId, ClaimsPrincipal principal, ReadValidatedScores read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), participationId, cancellationToken)).ToResult(sheet => TypedResults.Ok(
            new ValidatedScoreListResponse(participationId, sheet.CanRecord.IsAllowed, sheet.Themes.Select(ThemeScoreResponse.From).ToList())));

    public static async Task<Results<Ok<ValidatedScoreResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string participationId, string themeKey, ValidatedScoreRequest request, HttpContext http, ClaimsPrincipal principal, SaveValidatedScore save,
        CancellationToken cancellationToken)
    {
        var outcome = await save.ExecuteAsync(principal.ToCaller(), participationId, themeKey, new ValidatedScoreInput(request.Score, request.Justification),
            VersionTags.ReadIfMatch(http.Request), cancellationToken);
        VersionTags.Set(http.Response, outcome, s => s.Version);
        return outcome.ToResults(s => TypedResults.Ok(ValidatedScoreResponse.From(s)),
            current => current is ValidatedScoreRecord s ? ValidatedScoreResponse.From(s) : current);
    }
}
