using Audit.Api.Answers;
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
        read.MapGet("/rounds", ListAsync).WithName("ListRounds")
            .WithDescription("The rounds, newest first: the latest opening date first, then the round created last, then the highest id; optionally of one status and of one audit cycle.");
        read.MapGet("/rounds/{roundId}", GetAsync).WithName("GetRound");

        var write = routes.MapGroup("/api/v1").WithTags("Rounds").RequireAuthorization(Policies.Admin);
        write.MapPost("/rounds", CreateAsync).WithName("CreateRound");
        write.MapPost("/rounds/{roundId}/status-changes", ChangeStatusAsync).WithName("ChangeRoundStatus");
        write.MapPatch("/rounds/{roundId}", UpdateAsync).WithName("UpdateRound")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return routes;
    }

    public static async Task<Results<Ok<RoundPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal principal, ReadRounds read, CancellationToken cancellationToken, string? status = null, int? page = null, int? pageSize = null,
        string? cycle = null) =>
        (await read.ExecuteAsync(principal.ToCaller(), status, new PageInput(page, pageSize), cancellationToken, cycle)).ToResults(result =>
            TypedResults.Ok(new RoundPage(result.Items.Select(RoundResponse.From).ToList(), result.PageNumber, result.PageSize, result.Total)));

    /// <summary>The round with its version as ETag, for the If-Match of a change.</summary>
    public static async Task<Results<Ok<RoundResponse>, ProblemHttpResult>> GetAsync(
        string roundId, HttpContext http, ClaimsPrincipal principal, ReadRounds read, CancellationToken cancellationToken)
    {
        var outcome = await read.GetAsync(principal.ToCaller(), roundId, cancellationToken);
        VersionTags.Set(http.Response, outcome, record => record.RowVersion);
        return outcome.ToResult(record => TypedResults.Ok(RoundResponse.From(record)));
    }

    public static async Task<Results<Created<RoundResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateRoundRequest request, HttpContext http, ClaimsPrincipal principal, CreateRound create, CancellationToken cancellationToken)
    {
        var outcome = await create.ExecuteAsync(principal.ToCaller(), request.ToDraft(), request.ToParticipants(), cancellationToken);
        VersionTags.Set(http.Response, outcome, created => created.Record.RowVersion);
        return outcome.ToResults(created =>
            TypedResults.Created($"/api/v1/rounds/{Uri.EscapeDataString(created.Record.Round.Id)}", RoundResponse.From(created.Record)));
    }

    /// <summary>
    /// Changes the title, deadline or reference date of a draft or open round. If-Match (the ETag of GET) is required:
    /// 428 without it, 412 with the round as it now is when a colleague changed it first, 409 once it is closed.
    /// </summary>
    public static async Task<Results<Ok<RoundResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string roundId, UpdateRoundRequest request, HttpContext http, ClaimsPrincipal principal, UpdateRound update, CancellationToken cancellationToken)
    {
        var outcome = await update.ExecuteAsync(principal.ToCaller(), roundId, request.ToChanges(), VersionTags.ReadIfMatch(http.Request), cancellationToken);
        VersionTags.Set(http.Response, outcome, record => record.RowVersion);
        return outcome.ToResults(record => TypedResults.Ok(RoundResponse.From(record)),
            current => current is RoundRecord record ? RoundResponse.From(record) : current);
    }

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
