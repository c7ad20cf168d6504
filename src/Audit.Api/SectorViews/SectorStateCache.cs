using System.Collections.Concurrent;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Core.Statistics;

namespace Audit.Api.SectorViews;

/// <summary>
/// What makes a recompute after one accept cheap: per sector, the builder of the last successful recompute and the
/// revision of every participation folded into it. The next recompute lists the included participations (no answers),
/// keeps the builder when every participation in it is still included at the same revision, and reads and adds only
/// the newcomers. Anything else (a participation returned or re-accepted, another questionnaire or disclosure
/// setting, a process restart) means a full pass.
/// <para>
/// Why reuse is safe: answers can only change while a participation is editable, every status change bumps its row
/// version, and the builder's accumulators only add (building changes nothing). So the reused builder holds exactly
/// the statistics and submission hashes a clean pass would compute: same numbers, same fingerprint. An edit straight
/// in the database that bypasses the service is not seen until the next full pass (restart, or any status change).
/// </para>
/// </summary>
public sealed class SectorStateCache
{
    /// <summary>Sectors kept; each holds compact accumulators (histograms, distinct values) and one id per institution.</summary>
    private const int MaxSectors = 64;

    /// <summary>Above this many newcomers one full pass is as cheap as looking them up.</summary>
    private const int MaxIncrement = 500;

    private readonly ConcurrentDictionary<(string RoundId, InstitutionType Type), State> _states = new();

    /// <summary>A builder and the revisions folded into it; <see cref="ToRead"/> null means "stream everything".</summary>
    public sealed record Plan(SectorViewBuilder Builder, Dictionary<string, long> Revisions, IReadOnlyCollection<string>? ToRead);

    private sealed record State(string QuestionnaireKey, string QuestionnaireVersion, DisclosureSettings Disclosure,
        SectorViewBuilder Builder, Dictionary<string, long> Revisions);

    /// <summary>
    /// Takes the sector's state out of the cache (two recomputes of one sector at once never share a builder) and
    /// decides what is left to read.
    /// </summary>
    public Plan Begin(Questionnaire questionnaire, DisclosureSettings disclosure, SectorViewScope scope, InstitutionType type,
        IReadOnlyList<IncludedRevision> included)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(included);
        if (_states.TryRemove((scope.RoundId, type), out var state)
            && state.QuestionnaireKey == questionnaire.Key && state.QuestionnaireVersion == questionnaire.Version
            && state.Disclosure == disclosure && included.Count - state.Revisions.Count <= MaxIncrement)
        {
            var now = included.ToDictionary(p => p.ParticipationId, p => p.Revision, StringComparer.Ordinal);
            if (state.Revisions.All(kept => now.TryGetValue(kept.Key, out var revision) && revision == kept.Value))
            {
                return new Plan(state.Builder, state.Revisions, now.Keys.Where(id => !state.Revisions.ContainsKey(id)).ToList());
            }
        }
        return new Plan(new SectorViewBuilder(questionnaire, disclosure, scope), new Dictionary<string, long>(StringComparer.Ordinal), null);
    }

    /// <summary>Keeps the state of a recompute that was published; a failed one is simply not kept.</summary>
    public void Keep(Questionnaire questionnaire, DisclosureSettings disclosure, SectorViewScope scope, InstitutionType type, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(plan);
        if (_states.Count >= MaxSectors)
        {
            _states.Clear(); // rounds come and go; the next recompute of an evicted sector is a full pass
        }
        _states[(scope.RoundId, type)] = new State(questionnaire.Key, questionnaire.Version, disclosure, plan.Builder, plan.Revisions);
    }
}
