using Audit.Core.Institutions;

namespace Audit.Core.Rounds;

/// <summary>Whether the ministry would see an up-to-date sector view of one institution type.</summary>
public enum SectorFreshness
{
    /// <summary>A view is computed and no recompute is owed.</summary>
    Current,

    /// <summary>A dirty mark is waiting: an accept (or the admin's recompute) came after the last computation, or it runs now.</summary>
    RecomputePending,

    /// <summary>Participations were accepted but no view was ever computed.</summary>
    NotComputed,

    /// <summary>Nothing accepted and nothing computed: the ministry sees no view of this type, and that is correct.</summary>
    NoView,
}

/// <summary>One institution type of a round before publication: its participations and whether its view is current.</summary>
public sealed record SectorReadiness(InstitutionType Type, int Participations, int Accepted, int SubmittedNotReviewed, SectorFreshness Freshness)
{
    public bool IsStale => Freshness is SectorFreshness.RecomputePending or SectorFreshness.NotComputed;

    /// <summary>Why this sector holds publication back, as a sentence for a 409's <c>reasons</c>; null when it does not.</summary>
    public string? Reason => Freshness switch
    {
        SectorFreshness.RecomputePending => $"The sector view of '{Type.ToWireName()}' is out of date: a recompute is pending.",
        SectorFreshness.NotComputed => $"The sector view of '{Type.ToWireName()}' has not been computed, although {Accepted} participation(s) were accepted.",
        _ => null,
    };
}

/// <summary>
/// Whether a round may be published: every sector view the ministry would read must be current, because a published
/// view that misses an accept would go to parliament with the wrong figures. Participations still submitted but not
/// reviewed do not hold it back (the bureau decides), but are counted so the bureau sees them before it decides.
/// </summary>
public sealed record PublicationReadiness(IReadOnlyList<SectorReadiness> Sectors)
{
    public bool SectorViewsCurrent => Sectors.All(s => !s.IsStale);

    public int SubmittedNotReviewed => Sectors.Sum(s => s.SubmittedNotReviewed);

    public IReadOnlyList<string> Reasons => [.. Sectors.Select(s => s.Reason).OfType<string>()];

    /// <param name="participations">The status of every participation of the round, with its institution type.</param>
    /// <param name="dirty">The institution types of the round with a dirty mark.</param>
    /// <param name="computed">The institution types of the round with a current (computed) view.</param>
    public static PublicationReadiness Of(
        IEnumerable<(InstitutionType Type, ParticipationStatus Status)> participations, IEnumerable<InstitutionType> dirty,
        IEnumerable<InstitutionType> computed)
    {
        var byType = participations.ToLookup(p => p.Type, p => p.Status);
        var marked = dirty.ToHashSet();
        var withView = computed.ToHashSet();
        var sectors = byType.Select(g => g.Key).Concat(marked).Concat(withView).Distinct().Order().Select(type =>
        {
            var statuses = byType[type].ToList();
            var accepted = statuses.Count(s => s == ParticipationStatus.Accepted);
            var freshness = marked.Contains(type) ? SectorFreshness.RecomputePending
                : withView.Contains(type) ? SectorFreshness.Current
                : accepted > 0 ? SectorFreshness.NotComputed
                : SectorFreshness.NoView;
            return new SectorReadiness(type, statuses.Count, accepted, statuses.Count(s => s == ParticipationStatus.Submitted), freshness);
        });
        return new PublicationReadiness([.. sectors]);
    }
}
