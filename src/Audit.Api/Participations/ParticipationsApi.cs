using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Problems;
using Audit.Application.Participations;
using Audit.Core.Access;
using Audit.Core.Institutions;
using Audit.Core.Paging;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Participations;

/// <summary>
/// Institutions in rounds. The bureau sees every participation; a respondent only its own institution's
/// (others are 404, never 403); the ministry none. Admins invite.
/// </summary>
public static class ParticipationsApi
{
    public static IEndpointRouteBuilder MapParticipations(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup("/api/v1").WithTags("Participations").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Respondent));
        read.MapGet("/rounds/{roundId}/participations", ListAsync).WithName("ListParticipations");
        read.MapGet("/participations/{participationId}", GetAsync).WithName("GetParticipation");

        routes.MapGroup("/api/v1").WithTags("Participations").RequireAuthorization(Policies.Admin)
            .MapPost("/rounds/{roundId}/participations", InviteAsync).WithName("InviteParticipations");
        return routes;
    }

    public sealed record ParticipationResponse(
        string Id, string RoundId, string InstitutionId, string InstitutionName, string InstitutionType, string Status,
        int Answered, int Required, DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ReturnedAt, DateTimeOffset UpdatedAt);

    public sealed record ParticipationPage(IReadOnlyList<ParticipationResponse> Items, int Page, int PageSize, long Total);

    public sealed record InviteRequest(IReadOnlyList<string>? InstitutionIds, IReadOnlyList<string>? InstitutionTypes);

    public sealed record InviteResponse(IReadOnlyList<ParticipationResponse> Items, IReadOnlyList<string> Created);

    internal static async Task<ParticipationResponse> ToResponseAsync(ParticipationRecord p, ParticipationCompleteness progress, CancellationToken cancellationToken)
    {
        var (completeness, _) = await progress.CheckAsync(p, cancellationToken);
        return new ParticipationResponse(p.Id, p.RoundId, p.InstitutionId, p.InstitutionName, p.InstitutionType.ToWireName(), p.Status.ToWireName(),
            completeness.Answered, completeness.Required, p.SubmittedAt, p.AcceptedAt, p.ReturnedAt, p.UpdatedAt);
    }

    public static async Task<Results<Ok<ParticipationPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string roundId, ClaimsPrincipal principal, IRoundRepository rounds, IParticipationRepository participations, ParticipationCompleteness progress,
        CancellationToken cancellationToken, int? page = null, int? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        ApiProblems.CheckPaging(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        if (await rounds.GetAsync(roundId, cancellationToken) is null)
        {
            return ApiProblems.NotFound($"Round '{roundId}' does not exist.");
        }
        var request = new PageRequest(page ?? 1, pageSize ?? PageRequest.MaxPageSize);
        if (principal.GetRole() == Role.Respondent)
        {
            // A respondent's list holds at most its own institution's participation.
            var own = principal.GetInstitutionId() is { } institutionId ? await participations.FindAsync(roundId, institutionId, cancellationToken) : null;
            var items = own is null ? [] : new List<ParticipationResponse> { await ToResponseAsync(own, progress, cancellationToken) };
            return TypedResults.Ok(new ParticipationPage(items, 1, request.Limit, items.Count));
        }
        var result = await participations.ListByRoundAsync(roundId, request, cancellationToken);
        var responses = new List<ParticipationResponse>(result.Items.Count);
        foreach (var p in result.Items)
        {
            responses.Add(await ToResponseAsync(p, progress, cancellationToken));
        }
        return TypedResults.Ok(new ParticipationPage(responses, result.PageNumber, result.PageSize, result.Total));
    }

    public static async Task<Results<Ok<ParticipationResponse>, ProblemHttpResult>> GetAsync(
        string participationId, ClaimsPrincipal principal, IParticipationRepository participations, ParticipationCompleteness progress,
        CancellationToken cancellationToken)
    {
        var participation = await participations.GetAsync(participationId, cancellationToken);
        return participation is not null && principal.CanSee(participation)
            ? TypedResults.Ok(await ToResponseAsync(participation, progress, cancellationToken))
            : ApiProblems.NotFound($"Participation '{participationId}' does not exist.");
    }

    public static async Task<Results<Ok<InviteResponse>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        string roundId, InviteRequest request, ClaimsPrincipal principal, IRoundRepository rounds, IParticipationRepository participations,
        ParticipationCompleteness progress, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var types = new List<InstitutionType>();
        var byIds = request.InstitutionIds is { Count: > 0 };
        var byTypes = request.InstitutionTypes is { Count: > 0 };
        if (byIds == byTypes)
        {
            errors["institutionIds"] = ["Give either institutionIds or institutionTypes (not both)."];
        }
        foreach (var type in request.InstitutionTypes ?? [])
        {
            if (InstitutionTypes.TryParse(type, out var parsed)) types.Add(parsed);
            else errors["institutionTypes"] = [$"'{type}' is not a known type; expected one of: {string.Join(", ", InstitutionTypes.WireNames)}."];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        if (await rounds.GetAsync(roundId, cancellationToken) is not { } round)
        {
            return ApiProblems.NotFound($"Round '{roundId}' does not exist.");
        }
        if (round.Round.Status is RoundStatus.Closed or RoundStatus.Published)
        {
            return ApiProblems.Conflict($"Round '{roundId}' is {round.Round.Status.ToWireName()}; institutions can only be invited while it is draft or open.");
        }
        var actor = principal.ToActor();
        var result = byIds
            ? await participations.InviteAsync(roundId, request.InstitutionIds!.Distinct().ToList(), actor, clock.GetUtcNow(), cancellationToken)
            : await participations.InviteByTypesAsync(roundId, types, actor, clock.GetUtcNow(), cancellationToken);
        if (result.Outcome == InviteOutcome.InstitutionsNotInvitable)
        {
            var problems = result.UnknownInstitutionIds.Select(id => $"'{id}' does not exist")
                .Concat(result.InactiveInstitutionIds.Select(id => $"'{id}' is not active")).ToArray();
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["institutionIds"] = problems }, "Nobody was invited: " + string.Join("; ", problems) + ".");
        }
        if (result.Outcome == InviteOutcome.RoundNotFound)
        {
            return ApiProblems.NotFound($"Round '{roundId}' does not exist.");
        }
        var items = new List<ParticipationResponse>();
        foreach (var p in result.Participations)
        {
            items.Add(await ToResponseAsync(p, progress, cancellationToken));
        }
        return TypedResults.Ok(new InviteResponse(items, result.CreatedIds));
    }
}
