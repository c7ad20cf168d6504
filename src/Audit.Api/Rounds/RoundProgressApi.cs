using Audit.Application.Rounds;
using Audit.Core.Institutions;
using Audit.Core.Rounds;

namespace Audit.Api.Rounds;

/// <summary>
/// The bureau's overview of a round (<see cref="ReadRoundProgress"/>): per participation its status, answered/required,
/// requiredAnswered (of required: the respondent's own progress figure), last activity and days to the deadline; and the number of participations per institution type and status.
/// </summary>
public static class RoundProgressApi
{
    public sealed record ParticipationProgressResponse(
        string ParticipationId, string InstitutionId, string InstitutionName, string InstitutionType, string Status,
        int Answered, int Required, DateTimeOffset? LastActivityAt, int? DaysToDeadline, int RequiredAnswered);

    /// <summary><see cref="Statuses"/> counts every participation status (zeros included) for one institution type.</summary>
    public sealed record TypeTotals(string InstitutionType, int Participations, IReadOnlyDictionary<string, int> Statuses);

    public sealed record RoundProgressResponse(
        string RoundId, string RoundStatus, DateTimeOffset ClosesAt, int DaysToDeadline,
        IReadOnlyList<ParticipationProgressResponse> Participations, IReadOnlyList<TypeTotals> Totals);

    public static IEndpointRouteBuilder MapRoundProgress(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Rounds").RequireAuthorization(Policies.Bureau)
            .MapGet("/rounds/{roundId}/progress", GetAsync).WithName("GetRoundProgress");
        return routes;
    }

    public static async Task<Results<Ok<RoundProgressResponse>, ProblemHttpResult>> GetAsync(
        string roundId, ClaimsPrincipal principal, ReadRoundProgress read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), roundId, cancellationToken)).ToResult(progress => TypedResults.Ok(From(progress)));

    private static RoundProgressResponse From(RoundProgress progress)
    {
        var round = progress.Round.Round;
        var items = progress.Participations.Select(l => new ParticipationProgressResponse(l.Participation.ParticipationId,
            l.Participation.InstitutionId, l.Participation.InstitutionName, l.Participation.InstitutionType.ToWireName(),
            l.Participation.Status.ToWireName(), l.Answered, l.Required, l.Participation.LastActivityAt, l.DaysToDeadline, l.RequiredAnswered)).ToList();
        var totals = progress.Totals.Select(t => new TypeTotals(t.Type.ToWireName(), t.Participations,
            t.Statuses.ToDictionary(s => s.Key.ToWireName(), s => s.Value, StringComparer.Ordinal))).ToList();
        return new RoundProgressResponse(round.Id, round.Status.ToWireName(), round.ClosesAt, progress.DaysToDeadline, items, totals);
    }
}
