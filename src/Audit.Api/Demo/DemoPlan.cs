using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.Time;

namespace Audit.Api.Demo;

/// <summary>Where a demo participation ends up.</summary>
public enum DemoState
{
    NotStarted,
    InProgress,
    Submitted,
    Returned,
    Accepted,
}

/// <summary>
/// How many institutions of one type end in each state; the rest are accepted. <see cref="Pinned"/> puts named
/// institutions in a given state (the demo respondent's UvA), taken from the same counts.
/// </summary>
public sealed record DemoMix(int NotStarted, int InProgress, int Submitted, int Returned, IReadOnlyDictionary<string, DemoState>? Pinned = null)
{
    /// <summary>
    /// The state of each institution (ids in any order), deterministic for <paramref name="seed"/>: the pinned ones
    /// first, then the remaining states shuffled over the others, so every run of the demo looks the same.
    /// </summary>
    public IReadOnlyDictionary<string, DemoState> Assign(IReadOnlyList<string> institutionIds, int seed)
    {
        var pool = Enumerable.Repeat(DemoState.NotStarted, NotStarted)
            .Concat(Enumerable.Repeat(DemoState.InProgress, InProgress))
            .Concat(Enumerable.Repeat(DemoState.Submitted, Submitted))
            .Concat(Enumerable.Repeat(DemoState.Returned, Returned))
            .Concat(Enumerable.Repeat(DemoState.Accepted, Math.Max(0, institutionIds.Count - NotStarted - InProgress - Submitted - Returned)))
            .ToList();
        var states = new Dictionary<string, DemoState>(StringComparer.Ordinal);
        var ordered = institutionIds.Order(StringComparer.Ordinal).ToList();
        foreach (var id in ordered.Where(id => Pinned?.ContainsKey(id) == true))
        {
            var state = Pinned![id];
            pool.Remove(state);
            states[id] = state;
        }
        var random = new Random(seed);
        var rest = pool.OrderBy(_ => random.Next()).ToList();
        var i = 0;
        foreach (var id in ordered.Where(id => !states.ContainsKey(id)))
        {
            states[id] = i < rest.Count ? rest[i++] : DemoState.Accepted;
        }
        return states;
    }
}

/// <summary>
/// One demo round with its calendar in Dutch time: created, opened, closed and (for a published round) sector views
/// computed and published. <see cref="ClosesAt"/> of the open round lies ahead of today, because it must still be open.
/// </summary>
public sealed record DemoRound(
    string Id,
    string Version,
    string Title,
    IReadOnlyDictionary<InstitutionType, DemoMix> Mixes,
    RoundStatus Final,
    string? Baseline,
    DateTimeOffset CreatedAt,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    DateOnly ReferenceDate,
    DateTimeOffset? ComputedAt,
    DateTimeOffset? PublishedAt,
    string? Cycle = null)
{
    /// <summary>The last moment activity can have in this round: its close, or now while it is open.</summary>
    public DateTimeOffset ActivityEnd(DateTimeOffset now) => ClosesAt < now ? ClosesAt : now;
}

/// <summary>
/// The demo's rounds: the 2023 audit cycle in three waves (universities, hogescholen, research institutes; published in
/// 2024) and the 2025 university round of cycle 2025 (opened 1 September 2025, still open). The research institutes round has too few accepted
/// NWO institutes, so its NWO sector shows how suppression looks ("niet gepubliceerd: te weinig instellingen").
/// </summary>
public static class DemoPlan
{
    public const string Universities2023 = "demo-2023-universiteiten";
    public const string Hogescholen2023 = "demo-2023-hogescholen";
    public const string Institutes2023 = "demo-2023-onderzoeksinstituten";
    public const string Universities2025 = "demo-2025-universiteiten";

    /// <summary>The institution the demo respondent signs in for.</summary>
    public const string RespondentInstitution = "uva";

    public static IReadOnlyList<DemoRound> Rounds(DateTimeOffset now)
    {
        var closes2025 = Local(DateOnly.FromDateTime(AmsterdamTime.ToLocal(now)).AddDays(30), 17, 0);
        return
        [
            Wave2023(Universities2023, "universiteiten",
                new() { [InstitutionType.Universiteit] = new(0, 1, 0, 1, Pin(DemoState.Accepted)) }),
            Wave2023(Hogescholen2023, "hogescholen",
                new() { [InstitutionType.Hogeschool] = new(2, 2, 0, 1) }),
            // 9 NWO institutes with 3 accepted: fewer than the minimum group of 5, so that sector is withheld.
            Wave2023(Institutes2023, "NWO- en KNAW-instituten", new()
            {
                [InstitutionType.NwoInstituut] = new(3, 2, 0, 1),
                [InstitutionType.KnawInstituut] = new(1, 2, 0, 1),
            }),
            new(Universities2025, "2025", "Audit kennisveiligheid 2025 — universiteiten",
                new Dictionary<InstitutionType, DemoMix> { [InstitutionType.Universiteit] = new(2, 3, 2, 2, Pin(DemoState.NotStarted)) },
                RoundStatus.Open, Universities2023,
                Local(new(2025, 8, 15), 10, 0), Local(new(2025, 9, 1), 9, 0), closes2025, new(2025, 9, 1), null, null, "2025"),
        ];
    }

    private static DemoRound Wave2023(string id, string who, Dictionary<InstitutionType, DemoMix> mixes) =>
        new(id, "2023", $"Audit kennisveiligheid 2023 — {who}", mixes, RoundStatus.Published, null,
            Local(new(2023, 8, 15), 10, 0), Local(new(2023, 9, 1), 9, 0), Local(new(2023, 11, 30), 17, 0), new(2023, 9, 1),
            Local(new(2024, 1, 15), 10, 0), Local(new(2024, 2, 1), 10, 0), "2023");

    private static Dictionary<string, DemoState> Pin(DemoState state) => new(StringComparer.Ordinal) { [RespondentInstitution] = state };

    private static DateTimeOffset Local(DateOnly date, int hour, int minute) =>
        AmsterdamTime.FromLocal(date.ToDateTime(new TimeOnly(hour, minute)));
}
