using Audit.Application.Participations;
using Audit.Application.Requests;
using Audit.Core.Institutions;
using Audit.Core.Rounds;

namespace Audit.Api.Participations;

/// <summary>
/// Institutions in rounds. The bureau sees every participation; a respondent only its own institution's
/// (others are 404, never 403); the ministry none. Admins invite. The rules live in <see cref="ReadParticipations"/>
/// and <see cref="InviteParticipants"/>; each participation leaves with its answered/required figures.
/// </summary>
public static class ParticipationsApi
{
    public static IEndpointRouteBuilder MapParticipations(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup("/api/v1").WithTags("Participations").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Respondent));
        read.MapGet("/rounds/{roundId}/participations", ListAsync).WithName("ListParticipations");
        read.MapGet("/participations/{participationId}", GetAsync).WithName("GetParticipation");

        var admin = routes.MapGroup("/api/v1").WithTags("Participations").RequireAuthorization(Policies.Admin);
        admin.MapPost("/rounds/{roundId}/participations", InviteAsync).WithName("InviteParticipations");
        admin.MapDelete("/participations/{participationId}", RemoveAsync).WithName("RemoveParticipation");
        routes.MapGroup("/api/v1").WithTags("Participations").RequireAuthorization(Policies.Bureau)
            .MapPatch("/participations/{participationId}", ChangeDeadlineAsync).WithName("ChangeParticipationDeadline");
        return routes;
    }

    public sealed record ParticipationResponse(
        string Id, string RoundId, string InstitutionId, string InstitutionName, string InstitutionType, string Status,
        int Answered, int Required, DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ReturnedAt, DateTimeOffset UpdatedAt,
        DateTimeOffset? ClosesAt);

    /// <summary>The institution's own deadline (UTC); it replaces the round's for this participation.</summary>
    public sealed record DeadlineRequest(DateTimeOffset? ClosesAt);

    public sealed record ParticipationPage(IReadOnlyList<ParticipationResponse> Items, int Page, int PageSize, long Total);

    public sealed record InviteRequest(IReadOnlyList<string>? InstitutionIds, IReadOnlyList<string>? InstitutionTypes);

    public sealed record InviteResponse(IReadOnlyList<ParticipationResponse> Items, IReadOnlyList<string> Created);

    public static async Task<Results<Ok<ParticipationPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string roundId, ClaimsPrincipal principal, ReadParticipations read, ParticipationCompleteness progress,
        CancellationToken cancellationToken, int? page = null, int? pageSize = null)
    {
        var outcome = await read.ExecuteAsync(principal.ToCaller(), roundId, new PageInput(page, pageSize), cancellationToken);
        var items = outcome.IsOk ? await ToResponsesAsync(outcome.Value.Items, progress, cancellationToken) : [];
        return outcome.ToResults(result => TypedResults.Ok(new ParticipationPage(items, result.PageNumber, result.PageSize, result.Total)));
    }

    public static async Task<Results<Ok<ParticipationResponse>, ProblemHttpResult>> GetAsync(
        string participationId, ClaimsPrincipal principal, ReadParticipations read, ParticipationCompleteness progress,
        CancellationToken cancellationToken)
    {
        var outcome = await read.GetAsync(principal.ToCaller(), participationId, cancellationToken);
        var response = outcome.IsOk ? await ToResponseAsync(outcome.Value, progress, cancellationToken) : null;
        return outcome.ToResult(_ => TypedResults.Ok(response!));
    }

    public static async Task<Results<Ok<InviteResponse>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        string roundId, InviteRequest request, ClaimsPrincipal principal, InviteParticipants invite, ParticipationCompleteness progress,
        CancellationToken cancellationToken)
    {
        var outcome = await invite.ExecuteAsync(principal.ToCaller(), roundId, new Invitees(request.InstitutionIds, request.InstitutionTypes), cancellationToken);
        var items = outcome.IsOk ? await ToResponsesAsync(outcome.Value.Participations, progress, cancellationToken) : [];
        return outcome.ToResults(result => TypedResults.Ok(new InviteResponse(items, result.CreatedIds)));
    }

    /// <summary>Gives one institution its own deadline (bureau only); its contacts are mailed through the outbox.</summary>
    public static async Task<Results<Ok<ParticipationResponse>, ValidationProblem, ProblemHttpResult>> ChangeDeadlineAsync(
        string participationId, DeadlineRequest request, ClaimsPrincipal principal, ChangeParticipationDeadline change, ParticipationCompleteness progress,
        CancellationToken cancellationToken)
    {
        var outcome = await change.ExecuteAsync(principal.ToCaller(), participationId, request.ClosesAt, reset: false, cancellationToken);
        var response = outcome.IsOk ? await ToResponseAsync(outcome.Value, progress, cancellationToken) : null;
        return outcome.ToResults(_ => TypedResults.Ok(response!));
    }

    /// <summary>
    /// Takes the institution out of its round (admin, draft or open round). One with answers, evidence or a submission
    /// needs <c>?confirm=true</c>; without it the answer is 409 with <c>answers</c> and <c>confirmationRequired</c>.
    /// </summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveAsync(
        string participationId, ClaimsPrincipal principal, RemoveParticipation remove, CancellationToken cancellationToken, bool? confirm = null) =>
        (await remove.ExecuteAsync(principal.ToCaller(), participationId, confirm == true, cancellationToken)).ToResults(_ => TypedResults.NoContent());

    private static async Task<ParticipationResponse> ToResponseAsync(ParticipationRecord p, ParticipationCompleteness progress, CancellationToken cancellationToken)
    {
        var (completeness, _) = await progress.CheckAsync(p, cancellationToken);
        return new ParticipationResponse(p.Id, p.RoundId, p.InstitutionId, p.InstitutionName, p.InstitutionType.ToWireName(), p.Status.ToWireName(),
            completeness.Answered, completeness.Required, p.SubmittedAt, p.AcceptedAt, p.ReturnedAt, p.UpdatedAt, p.ClosesAt);
    }

    private static async Task<IReadOnlyList<ParticipationResponse>> ToResponsesAsync(
        IEnumerable<ParticipationRecord> participations, ParticipationCompleteness progress, CancellationToken cancellationToken)
    {
        var responses = new List<ParticipationResponse>();
        foreach (var p in participations)
        {
            responses.Add(await ToResponseAsync(p, progress, cancellationToken));
        }
        return responses;
    }
}
