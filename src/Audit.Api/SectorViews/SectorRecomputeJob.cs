using Audit.Api.Questionnaires;
using Audit.Application.Questionnaires;
using Audit.Core.AuditTrail;
using Audit.Core.Disclosure;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;

namespace Audit.Api.SectorViews;

/// <summary>
/// Recomputes one sector view: streams the accepted answers (after the first pass only those of newly accepted
/// participations, see <see cref="SectorStateCache"/>), computes the internal view and its published form, and
/// publishes both atomically. Idempotent: the same inputs give the same fingerprint, which stores
/// nothing new; two workers at once end on the same current view. The dirty mark is cleared only if no newer
/// mark arrived while computing, so an accept during the run is never lost.
/// </summary>
public sealed class SectorRecomputeJob(
    IRoundRepository rounds,
    QuestionnaireCatalog catalog,
    IIncludedAnswersReader reader,
    ISectorViewRepository views,
    ISectorDirtyRepository dirty,
    SectorStateCache cache,
    Audit.Core.ValidatedScores.IValidatedScoreRepository validatedScores,
    Audit.Core.FollowUps.IFollowUpRepository followUps,
    TimeProvider clock,
    ILogger<SectorRecomputeJob> logger)
{
    public async Task RunAsync(string roundId, string institutionType, CancellationToken cancellationToken)
    {
        if (!InstitutionTypes.TryParse(institutionType, out var type))
        {
            throw new ArgumentException($"Unknown institution type '{institutionType}'.", nameof(institutionType));
        }
        // Read the mark before reading the data: a mark that arrives later has a higher seq and survives.
        var mark = (await dirty.ListAsync(cancellationToken)).FirstOrDefault(m => m.RoundId == roundId && m.InstitutionType == type);
        var outcome = await RecomputeAsync(roundId, type, cancellationToken);
        if (mark is not null)
        {
            await dirty.ClearIfUnchangedAsync(roundId, type, mark.Seq, cancellationToken);
        }
        logger.LogInformation("Sector view {RoundId}/{Type}: {Outcome}.", roundId, institutionType, outcome);
    }

    /// <summary>
    /// Recomputes several sectors, as many at once as there are cores: sectors are independent (each has its own
    /// state, mark and publish transaction), and a round's full recompute is CPU-bound per sector. One broken sector
    /// must not starve the others: its failure is logged, its mark stays, and the next sweep retries it.
    /// </summary>
    public async Task RunManyAsync(IReadOnlyCollection<(string RoundId, InstitutionType Type)> sectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(sectors, options, async (sector, token) =>
        {
            try
            {
                await RunAsync(sector.RoundId, sector.Type.ToWireName(), token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Recomputing {RoundId}/{Type} failed.", sector.RoundId, sector.Type.ToWireName());
            }
        });
    }

    private async Task<PublishOutcome?> RecomputeAsync(string roundId, InstitutionType type, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(roundId, cancellationToken) is not { } record)
        {
            return null; // the round is gone; nothing to compute, and the mark is cleared
        }
        var round = record.Round;
        var questionnaire = await catalog.GetAsync(round.Questionnaire.Key, round.Questionnaire.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Round {roundId} refers to a missing questionnaire.");
        var now = clock.GetUtcNow();
        var scope = new SectorViewScope(roundId, type.ToWireName(), await reader.CountResponsesAsync(roundId, type, cancellationToken), now);
        var plan = cache.Begin(questionnaire, round.Disclosure, scope, type, await reader.ListIncludedAsync(roundId, type, cancellationToken));
        var stream = plan.ToRead is null
            ? reader.StreamAsync(roundId, type, cancellationToken)
            : reader.StreamSomeAsync(roundId, type, plan.ToRead, cancellationToken);
        await foreach (var participation in stream)
        {
            plan.Builder.Add(participation);
            plan.Revisions[participation.ParticipationId] = participation.Revision;
        }
        var baseline = round.BaselineRoundId is null ? null : await views.GetCurrentAsync(round.BaselineRoundId, type.ToWireName(), cancellationToken);
        // Validated scores and follow-ups are few and may change after acceptance (scores): read whole every time.
        var supplement = new SectorSupplement(
            await validatedScores.ListForRoundAsync(roundId, cancellationToken), await followUps.ListForRoundAsync(roundId, cancellationToken));
        var view = plan.Builder.Build(scope, baseline is null ? null : SectorViewJson.Deserialize(baseline.InternalJson), supplement);
        var published = PublishedForm.Of(view);
        var stored = new StoredSectorView(AccessTokens.NewId("sv_"), roundId, type.ToWireName(), view.Fingerprint, now, view.Included ?? 0,
            published.Suppressed, SectorViewJson.SerializeToString(view), SectorViewJson.SerializeToString(published));
        var outcome = await views.PublishAsync(stored,
            Actor.System.Did("sector-view.computed", "sector-view", $"{roundId}/{type.ToWireName()}", now, view.Fingerprint), cancellationToken);
        cache.Keep(questionnaire, round.Disclosure, scope, type, plan);
        return outcome;
    }
}

/// <summary>
/// The safety net: every minute, recompute every sector that is still marked dirty. With in-memory job
/// storage (SQLite) this is the only durable path from an accept to a view, so it runs the work itself.
/// </summary>
public sealed class SectorSweepJob(ISectorDirtyRepository dirty, SectorRecomputeJob recompute, ILogger<SectorSweepJob> logger)
{
    public const string RecurringId = "sector-view-sweep";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var marks = await dirty.ListAsync(cancellationToken);
        if (marks.Count > 0)
        {
            logger.LogInformation("Sector sweep started: {Count} dirty sector(s).", marks.Count);
        }
        await recompute.RunManyAsync([.. marks.Select(m => (m.RoundId, m.InstitutionType))], cancellationToken);
        if (marks.Count > 0)
        {
            logger.LogInformation("Sector sweep finished: {Count} sector(s) visited.", marks.Count);
        }
        return marks.Count;
    }
}
