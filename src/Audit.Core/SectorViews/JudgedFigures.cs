using Audit.Core.Disclosure;
using Audit.Core.FollowUps;
using Audit.Core.Rounds;
using Audit.Core.Statistics;
using Audit.Core.ValidatedScores;

namespace Audit.Core.SectorViews;

/// <summary>
/// How many included institutions stated each follow-up status for the recommendations of one baseline theme.
/// Counts of institutions, published like a choice question's distribution: withheld (null) when fewer than the
/// minimum group size stated one, so a single institution's status cannot be read off.
/// </summary>
public sealed record FollowUpCounts(
    string ThemeKey, int N, int? Implemented, int? InProgress, int? NotStarted, int? NotApplicable, bool Suppressed, string? Reason);

/// <summary>What the bureau and the institutions added to the accepted answers (issue 20), read fresh for every recompute.</summary>
public sealed record SectorSupplement(IReadOnlyList<ValidatedScoreRecord> ValidatedScores, IReadOnlyList<FollowUpRecord> FollowUps)
{
    public static SectorSupplement None { get; } = new([], []);
}

/// <summary>
/// The validated-score statistics and the follow-up counts of a sector view, from the included participations' own
/// theme scores (kept by the builder) and the supplement. Only the included (accepted) participations count.
/// </summary>
internal static class JudgedFigures
{
    public static IReadOnlyList<ThemeStatistics>? ValidatedThemes(
        Questionnaire questionnaire, DisclosureSettings disclosure, IReadOnlyDictionary<string, Fraction?[]> selfScores, SectorSupplement supplement)
    {
        var validated = supplement.ValidatedScores.Where(s => selfScores.ContainsKey(s.ParticipationId))
            .ToDictionary(s => (s.ParticipationId, s.ThemeKey));
        if (validated.Count == 0)
        {
            return null; // identical to the self-assessed statistics: nothing to add
        }
        var result = new List<ThemeStatistics>();
        for (var t = 0; t < questionnaire.Themes.Count; t++)
        {
            var theme = questionnaire.Themes[t];
            var accumulator = new ThemeAccumulator(theme);
            foreach (var (participationId, scores) in selfScores)
            {
                // The bureau's score where it recorded one; the institution's own otherwise (the documented default).
                if (validated.TryGetValue((participationId, theme.Key), out var score))
                {
                    accumulator.Add(ValidatedScoreRules.ToTenths(score.Score), 10);
                }
                else if (scores[t] is { } self)
                {
                    accumulator.Add(self);
                }
            }
            result.Add(accumulator.Build(disclosure));
        }
        return result;
    }

    public static IReadOnlyList<FollowUpCounts>? FollowUps(
        Questionnaire questionnaire, DisclosureSettings disclosure, IReadOnlyDictionary<string, Fraction?[]> selfScores, SectorSupplement supplement)
    {
        var included = supplement.FollowUps.Where(f => selfScores.ContainsKey(f.ParticipationId)).ToList();
        if (included.Count == 0)
        {
            return null;
        }
        var order = questionnaire.Themes.Select((t, i) => (t.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        return included.GroupBy(f => f.RecommendationId, StringComparer.Ordinal)
            .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                int Count(FollowUpStatus status) => g.Count(f => f.Status == status);
                var n = g.Count();
                var tooFew = n < disclosure.MinGroupSize;
                return new FollowUpCounts(g.Key, n, Count(FollowUpStatus.Implemented), Count(FollowUpStatus.InProgress),
                    Count(FollowUpStatus.NotStarted), Count(FollowUpStatus.NotApplicable), tooFew, tooFew ? SuppressionReasons.TooFewAnswers : null);
            })
            .ToList();
    }

    /// <summary>
    /// One fingerprint pair per included participation with a supplement, so a changed validated score or follow-up
    /// makes a new view version.
    /// </summary>
    public static IEnumerable<(string, string)> FingerprintPairs(IReadOnlyDictionary<string, Fraction?[]> selfScores, SectorSupplement supplement)
    {
        var scores = supplement.ValidatedScores.Where(s => selfScores.ContainsKey(s.ParticipationId))
            .Select(s => (s.ParticipationId, Item: $"v:{s.ThemeKey}={ValidatedScoreRules.ToTenths(s.Score)}"));
        var followUps = supplement.FollowUps.Where(f => selfScores.ContainsKey(f.ParticipationId))
            .Select(f => (f.ParticipationId, Item: $"f:{f.RecommendationId}={f.Status.ToWireName()}"));
        return scores.Concat(followUps)
            .GroupBy(x => x.ParticipationId, StringComparer.Ordinal)
            .Select(g => (g.Key + "#judged", string.Join(";", g.Select(x => x.Item).Order(StringComparer.Ordinal))));
    }
}
