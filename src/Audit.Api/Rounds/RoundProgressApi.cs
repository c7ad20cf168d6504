using System.Text.Json;
using Audit.Api.Access;
using Audit.Api.Answers;
using Audit.Api.Problems;
using Audit.Api.Questionnaires;
using Audit.Application.Questionnaires;
using Audit.Core.Answers;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Rounds;

/// <summary>
/// The bureau's overview of a round: per participation its status, answered/required (the same figures as the
/// participation resource, from Core's completeness check), last activity and days to the deadline; and the
/// number of participations per institution type and status.
/// </summary>
public static class RoundProgressApi
{
    public sealed record ParticipationProgressResponse(
        string ParticipationId, string InstitutionId, string InstitutionName, string InstitutionType, string Status,
        int Answered, int Required, DateTimeOffset? LastActivityAt, int? DaysToDeadline);

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
        string roundId, IRoundRepository rounds, IRoundProgressQuery progress, IRoundAnswersReader answers, QuestionnaireCatalog catalog,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(roundId, cancellationToken) is not { } record)
        {
            return ApiProblems.NotFound($"Round '{roundId}' does not exist.");
        }
        var round = record.Round;
        var questionnaire = await catalog.GetAsync(round.Questionnaire.Key, round.Questionnaire.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Round {round.Id} refers to a missing questionnaire.");
        var days = DaysUntil(round.ClosesAt, clock.GetUtcNow());
        // Required depends on the answers (visibleWhen), so each participation is checked against its own answers,
        // read for the whole round in one streamed query.
        var counts = new Dictionary<string, CompletenessResult>(StringComparer.Ordinal);
        await foreach (var answered in answers.StreamAsync(roundId, cancellationToken))
        {
            counts[answered.ParticipationId] = AnswerValidator.CompletenessCheck(questionnaire, AnswerInput.Values(answered.ValuesJson));
        }
        var untouched = AnswerValidator.CompletenessCheck(questionnaire, new Dictionary<string, JsonElement>(StringComparer.Ordinal));
        var items = new List<ParticipationProgressResponse>();
        foreach (var p in await progress.ListAsync(roundId, cancellationToken))
        {
            var completeness = counts.GetValueOrDefault(p.ParticipationId) ?? untouched;
            // The deadline no longer concerns a participation that is waiting for, or has passed, review.
            var waiting = p.Status is ParticipationStatus.Submitted or ParticipationStatus.Accepted;
            items.Add(new ParticipationProgressResponse(p.ParticipationId, p.InstitutionId, p.InstitutionName, p.InstitutionType.ToWireName(),
                p.Status.ToWireName(), completeness.Answered, completeness.Required, p.LastActivityAt, waiting ? null : days));
        }
        var totals = items.GroupBy(i => i.InstitutionType, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TypeTotals(g.Key, g.Count(),
                ParticipationStatuses.WireNames.ToDictionary(s => s, s => g.Count(i => i.Status == s), StringComparer.Ordinal)))
            .ToList();
        return TypedResults.Ok(new RoundProgressResponse(round.Id, record.Round.Status.ToWireName(), round.ClosesAt, days, items, totals));
    }

    /// <summary>Whole days left, rounded up (a deadline later today is 1 day); negative once passed.</summary>
    public static int DaysUntil(DateTimeOffset deadline, DateTimeOffset now) => (int)Math.Ceiling((deadline - now).TotalDays);
}
