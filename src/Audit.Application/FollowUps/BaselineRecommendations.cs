using Audit.Core.FollowUps;
using Audit.Core.Reviews;

namespace Audit.Application.FollowUps;

/// <summary>One recommendation of the baseline round to the institution, with what its respondents stated about it.</summary>
/// <param name="RecommendationId">The baseline theme key: the findings hold at most one recommendation per theme.</param>
/// <param name="ThemeKey">The theme of the baseline questionnaire the recommendation belongs to.</param>
/// <param name="ThemeInCurrent">Whether the current questionnaire has a theme with that key (pages group by it).</param>
public sealed record RecommendationFollowUp(
    string RecommendationId, string ThemeKey, string Recommendation, bool ThemeInCurrent, FollowUpRecord? FollowUp);

/// <summary>A participation's recommendations to follow up; empty when its round has no baseline or it had none.</summary>
public sealed record FollowUpSet(
    ParticipationScope Scope, string? BaselineRoundId, string? BaselineTitle, IReadOnlyList<RecommendationFollowUp> Items)
{
    /// <summary>Recommendations without a stated follow-up.</summary>
    public int Missing => Items.Count(i => i.FollowUp is null);

    public RecommendationFollowUp? Find(string recommendationId) =>
        Items.FirstOrDefault(i => string.Equals(i.RecommendationId, recommendationId, StringComparison.Ordinal));
}

/// <summary>
/// What "the bureau's recommendations to an institution" are: the recommendations in the bureau's findings on the
/// same institution's participation in the round's baseline round, once that round is published (only then has the
/// institution received them; before that they may still change).
/// </summary>
public sealed class BaselineRecommendations(
    IRoundRepository rounds, IParticipationRepository participations, IFindingsRepository findings, IFollowUpRepository followUps)
{
    public async Task<FollowUpSet> ForAsync(ParticipationScope scope, CancellationToken cancellationToken)
    {
        if (scope.Round.Round.BaselineRoundId is not { } baselineRoundId
            || await rounds.GetAsync(baselineRoundId, cancellationToken) is not { } baseline)
        {
            return new FollowUpSet(scope, null, null, []);
        }
        var title = baseline.Round.Title;
        if (baseline.Round.Status != RoundStatus.Published
            || await participations.FindAsync(baselineRoundId, scope.Participation.InstitutionId, cancellationToken) is not { } old
            || await findings.GetAsync(old.Id, cancellationToken) is not { } record)
        {
            return new FollowUpSet(scope, baselineRoundId, title, []);
        }
        var stated = (await followUps.ListAsync(scope.Id, cancellationToken)).ToDictionary(f => f.RecommendationId, StringComparer.Ordinal);
        var themes = scope.Questionnaire.Themes.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var items = ReviewTexts.ThemesOf(record)
            .Where(t => !string.IsNullOrWhiteSpace(t.ThemeKey) && !string.IsNullOrWhiteSpace(t.Recommendation))
            .Select(t => new RecommendationFollowUp(t.ThemeKey!, t.ThemeKey!, t.Recommendation!, themes.Contains(t.ThemeKey!), stated.GetValueOrDefault(t.ThemeKey!)))
            .ToList();
        return new FollowUpSet(scope, baselineRoundId, title, items);
    }
}
