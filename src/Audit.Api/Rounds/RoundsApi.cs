using Audit.Application.Requests;
using Audit.Application.Rounds;
using Audit.Core.Rounds;

namespace Audit.Api.Rounds;

/// <summary>
/// Audit rounds. Every signed-in role may read them (the ministry follows the rounds too); only
/// admins create rounds and move them through draft → open → closed → published. The rules live in
/// <see cref="ReadRounds"/>, <see cref="CreateRound"/> and <see cref="ChangeRoundStatus"/>.
/// </summary>
public static class RoundsApi
{
    public static IEndpointRouteBuilder MapRounds(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup("/api/v1").WithTags("Rounds").RequireAuthorization(Policies.SignedIn);
        read.MapGet("/rounds", ListAsync).WithName("ListRounds");
        read.MapGet("/rounds/{roundId}", GetAsync).WithName("GetRound");

        var write = routes.MapGroup("/api/v1").WithTags("Rounds").RequireAuthorization(Policies.Admin);
        write.MapPost("/rounds", CreateAsync).WithName("CreateRound");
        write.MapPost("/rounds/{roundId}/status-changes", ChangeStatusAsync).WithName("ChangeRoundStatus");
        return routes;
    }

    public static async Task<Results<Ok<RoundPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal principal, ReadRounds read, CancellationToken cancellationToken, string? status = null, int? page = null, int? pageSize = null) =>
        (await read.ExecuteAsync(principal.ToCaller(), status, new PageInput(page, pageSize), cancellationToken)).ToResults(result =>
            TypedResults.Ok(new RoundPage(result.Items.Select(RoundResponse.From).ToList(), result.PageNumber, result.PageSize, result.Total)));

    public static async Task<Results<Ok<RoundResponse>, ProblemHttpResult>> GetAsync(
        string roundId, ClaimsPrincipal principal, ReadRounds read, CancellationToken cancellationToken) =>
        (await read.GetAsync(principal.ToCaller(), roundId, cancellationToken)).ToResult(record => TypedResults.Ok(RoundResponse.From(record)));

    public static async Task<Results<Created<RoundResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateRoundRequest request, ClaimsPrincipal principal, CreateRound create, CancellationToken cancellationToken) =>
        (await create.ExecuteAsync(principal.ToCaller(), request.ToDraft(), cancellationToken)).ToResults(record =>
            TypedResults.Created($"/api/v1/rounds/{record.Round.Id}", RoundResponse.From(record)));

    public static async Task<Results<Ok<RoundResponse>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        string roundId, StatusChangeRequest request, ClaimsPrincipal principal, ChangeRoundStatus change, CancellationToken cancellationToken) =>
        (await change.ExecuteAsync(principal.ToCaller(), roundId, request.Status, cancellationToken))
            .ToResults(record => TypedResults.Ok(RoundResponse.From(record)), PresentStatuses);

    /// <summary>Round statuses in a refusal's extensions, as their wire names.</summary>
    private static object? PresentStatuses(object? value) => value switch
    {
        RoundStatus status => status.ToWireName(),
        IEnumerable<RoundStatus> statuses => statuses.Select(s => s.ToWireName()).ToArray(),
        _ => value,
    };
}
