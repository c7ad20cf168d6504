using Audit.Core.Rounds;
using Audit.Reports.Models;

namespace Audit.Reports.Mapping;

/// <summary>The round facts every report prints on its cover and in its method section.</summary>
public static class ReportRounds
{
    /// <summary>
    /// The report's round. <paramref name="baseline"/> is the round's baseline round when it has one (its title
    /// names the comparison); when it is missing the id alone is shown.
    /// </summary>
    public static ReportRound From(Round round, Round? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (baseline is not null && baseline.Id != round.BaselineRoundId)
        {
            throw new ArgumentException(
                $"Round '{round.Id}' has baseline '{round.BaselineRoundId ?? "(none)"}', not '{baseline.Id}'.", nameof(baseline));
        }
        return new ReportRound(
            round.Id,
            round.Title,
            round.Questionnaire.Key,
            round.Questionnaire.Version,
            round.OpensAt,
            round.ClosesAt,
            round.BaselineRoundId,
            baseline?.Title);
    }

    /// <summary>The disclosure rules as the method section states them.</summary>
    public static DisclosureSummary Disclosure(DisclosureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dominance = settings.EffectiveDominance;
        return new DisclosureSummary(settings.MinGroupSize, dominance.N, dominance.K);
    }
}
