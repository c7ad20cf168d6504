using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Problems;
using Audit.Core.Institutions;
using Audit.Core.Paging;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Rounds;

/// <summary>
/// Audit rounds. Every signed-in role may read them (the ministry follows the rounds too); only
/// admins create rounds and move them through draft → open → closed → published.
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

    public static async Task<Results<Ok<RoundPage>, ValidationProblem>> ListAsync(
        IRoundRepository rounds, CancellationToken cancellationToken, string? status = null, int? page = null, int? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        RoundStatus? parsed = null;
        if (status is not null)
        {
            if (RoundStatuses.TryParse(status, out var s)) parsed = s;
            else errors["status"] = [$"'{status}' is not a round status; expected one of: {string.Join(", ", RoundStatuses.WireNames)}."];
        }
        ApiProblems.CheckPaging(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var result = await rounds.ListAsync(new RoundQuery(parsed), new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultPageSize), cancellationToken);
        return TypedResults.Ok(new RoundPage(result.Items.Select(RoundResponse.From).ToList(), result.PageNumber, result.PageSize, result.Total));
    }

    public static async Task<Results<Ok<RoundResponse>, ProblemHttpResult>> GetAsync(string roundId, IRoundRepository rounds, CancellationToken cancellationToken) =>
        await rounds.GetAsync(roundId, cancellationToken) is { } record
            ? TypedResults.Ok(RoundResponse.From(record))
            : ApiProblems.NotFound($"Round '{roundId}' does not exist.");

    public static async Task<Results<Created<RoundResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateRoundRequest request, IRoundRepository rounds, ClaimsPrincipal principal, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!RoundRules.TryCreate(request.ToDraft(), out var round, out var errors))
        {
            return ApiProblems.Validation(FieldErrors.ToDictionary(errors));
        }
        var audit = principal.ToActor().Did("round.created", "round", round.Id, clock.GetUtcNow(),
            $"{round.Questionnaire.Key} {round.Questionnaire.Version}, {round.OpensAt:O} – {round.ClosesAt:O}");
        var outcome = await rounds.InsertAsync(round, audit, cancellationToken);
        return outcome switch
        {
            RoundInsertOutcome.Inserted => TypedResults.Created($"/api/v1/rounds/{round.Id}", RoundResponse.From((await rounds.GetAsync(round.Id, cancellationToken))!)),
            RoundInsertOutcome.IdTaken => ApiProblems.Conflict($"Round '{round.Id}' already exists."),
            RoundInsertOutcome.QuestionnaireNotFound => ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["questionnaire"] = [$"Questionnaire '{round.Questionnaire.Key}' version '{round.Questionnaire.Version}' does not exist."],
            }),
            _ => ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["baselineRoundId"] = [$"Baseline round '{round.BaselineRoundId}' does not exist."],
            }),
        };
    }

    public static async Task<Results<Ok<RoundResponse>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        string roundId, StatusChangeRequest request, IRoundRepository rounds, ClaimsPrincipal principal, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!RoundStatuses.TryParse(request.Status, out var to))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["status"] = [$"'{request.Status}' is not a round status; expected one of: {string.Join(", ", RoundStatuses.WireNames)}."],
            });
        }
        if (await rounds.GetAsync(roundId, cancellationToken) is not { } current)
        {
            return ApiProblems.NotFound($"Round '{roundId}' does not exist.");
        }
        var check = RoundTransitions.Check(current.Round.Status, to);
        if (!check.IsAllowed)
        {
            return ApiProblems.Conflict(check.Error!, new Dictionary<string, object?>
            {
                ["currentStatus"] = current.Round.Status.ToWireName(),
                ["allowedTransitions"] = check.Allowed.Select(s => s.ToWireName()).ToArray(),
            });
        }
        var audit = principal.ToActor().Did("round.status-changed", "round", roundId, clock.GetUtcNow(),
            $"{current.Round.Status.ToWireName()} → {to.ToWireName()}");
        var result = await rounds.ChangeStatusAsync(roundId, current.Round.Status, to, audit, cancellationToken);
        return result.Outcome switch
        {
            StatusChangeOutcome.Changed => TypedResults.Ok(RoundResponse.From(result.Record!)),
            StatusChangeOutcome.NotFound => ApiProblems.NotFound($"Round '{roundId}' does not exist."),
            _ => ApiProblems.Conflict($"The round's status changed meanwhile to '{result.Record?.Round.Status.ToWireName()}'; reload and try again."),
        };
    }
}
