namespace Audit.Application.FollowUps;

/// <summary>
/// The follow-up of the baseline round's recommendations, for the institution's own respondents and the bureau; another
/// institution and the ministry hear "not found".
/// </summary>
public sealed class ReadFollowUps(ParticipationScopes scopes, BaselineRecommendations recommendations)
{
    public async Task<Outcome<FollowUpSet>> ExecuteAsync(Caller caller, string participationId, CancellationToken cancellationToken)
    {
        var found = await scopes.VisibleAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        return await recommendations.ForAsync(scope, cancellationToken);
    }

    /// <summary>One recommendation's follow-up; not found when the participation has no such recommendation.</summary>
    public async Task<Outcome<RecommendationFollowUp>> OneAsync(Caller caller, string participationId, string recommendationId, CancellationToken cancellationToken)
    {
        var set = await ExecuteAsync(caller, participationId, cancellationToken);
        if (!set.TryGetValue(out var value, out var failure))
        {
            return failure;
        }
        return value.Find(recommendationId) is { } item
            ? item
            : new Failure.NotFound($"Participation '{participationId}' has no recommendation '{recommendationId}' to follow up.");
    }
}
