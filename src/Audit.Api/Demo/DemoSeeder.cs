using Audit.Api.Questionnaires;
using Audit.Api.SectorViews;
using Audit.Application.Questionnaires;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Rounds;

namespace Audit.Api.Demo;

/// <summary>
/// Demo mode (<c>--demo</c>): makes a first run useful. Creates the rounds of <see cref="DemoPlan"/> with their own
/// calendar (the 2023 wave opened, closed and published in 2023–2024; the 2025 round open since 1 September 2025),
/// brings every institution to a state of its <see cref="DemoMix"/> at moments inside the round, computes the sector
/// views when a real bureau would have, and prints sign-in links. Idempotent: an existing demo round is left alone.
/// </summary>
public sealed class DemoSeeder(
    IRoundRepository rounds,
    IParticipationRepository participations,
    DemoParticipations fill,
    DemoUsers people,
    DemoFindings findings,
    DemoCycle cycle,
    DemoDeepDive deepDive,
    DemoFollowUps followUps,
    QuestionnaireCatalog catalog,
    SectorSweepJob sweep,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public async Task<IReadOnlyList<string>> RunAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var plan = DemoPlan.Rounds(now);
        var analyst = await people.AnalystAsync(cancellationToken);
        foreach (var demo in plan)
        {
            if (await rounds.GetAsync(demo.Id, cancellationToken) is not null)
            {
                continue;
            }
            await SeedRoundAsync(demo, now, analyst, cancellationToken);
        }
        await followUps.SeedAsync(now, analyst, cancellationToken);
        // A round left half-made by an interrupted run still ends computed and in its final status.
        await sweep.RunAsync(cancellationToken);
        var approver = await people.SecondAnalystAsync(cancellationToken);
        foreach (var demo in plan.Where(r => r.Final == RoundStatus.Published))
        {
            if ((await rounds.GetAsync(demo.Id, cancellationToken))?.Round.Status != RoundStatus.Published)
            {
                await findings.ApproveAsync(demo, analyst, approver, demo.PublishedAt ?? now, cancellationToken);
            }
            await MoveToAsync(demo.Id, RoundStatus.Published, demo.PublishedAt ?? now, analyst, cancellationToken);
        }
        await deepDive.SeedAsync(DemoPlan.Universities2023, analyst, cancellationToken);
        // The cycle summary follows its last published wave, as the bureau writes it when every wave is in.
        if (plan.Where(r => r.Cycle == DemoCycle.Cycle2023 && r.PublishedAt is not null).Max(r => r.PublishedAt) is { } lastPublished)
        {
            await cycle.ApproveAsync(analyst, approver, lastPublished, cancellationToken);
        }
        return await people.InvitationLinksAsync(baseUrl, now, cancellationToken);
    }

    private async Task SeedRoundAsync(DemoRound demo, DateTimeOffset now, Actor bureau, CancellationToken cancellationToken)
    {
        var round = new Round(demo.Id, demo.Title, new QuestionnaireRef("kennisveiligheid", demo.Version), demo.OpensAt, demo.ClosesAt,
            DisclosureSettings.Default, RoundStatus.Draft, demo.Baseline, demo.ReferenceDate, demo.Cycle);
        await rounds.InsertAsync(round, bureau.Did("round.created", "round", demo.Id, demo.CreatedAt, "demo"), cancellationToken);
        await rounds.ChangeStatusAsync(demo.Id, RoundStatus.Draft, RoundStatus.Open,
            bureau.Did("round.status-changed", "round", demo.Id, demo.OpensAt, "draft → open"), cancellationToken);
        var invited = await participations.InviteByTypesAsync(demo.Id, [.. demo.Mixes.Keys], bureau, demo.OpensAt, cancellationToken);
        var questionnaire = (await catalog.GetAsync("kennisveiligheid", demo.Version, cancellationToken))!;
        var random = new Random(Seed(demo.Id));
        foreach (var (type, mix) in demo.Mixes)
        {
            var ofType = invited.Participations.Where(p => p.InstitutionType == type).ToList();
            var states = mix.Assign([.. ofType.Select(p => p.InstitutionId)], Seed(demo.Id + type.ToWireName()));
            foreach (var participation in ofType)
            {
                var contact = await people.ContactAsync(participation, demo.CreatedAt, cancellationToken);
                await fill.BringToAsync(participation, states[participation.InstitutionId], questionnaire, demo, now, random,
                    Seed(demo.Id + participation.InstitutionId), contact, bureau, cancellationToken);
            }
        }
        if (demo.Final != RoundStatus.Open)
        {
            await MoveToAsync(demo.Id, RoundStatus.Closed, demo.ClosesAt, bureau, cancellationToken);
        }
        await ComputeViewsAsync(demo, now, cancellationToken);
        logger.LogInformation("Demo round {RoundId} seeded with {Count} invited institutions.", demo.Id, invited.Participations.Count);
    }

    /// <summary>
    /// Computes each sector view of the round at the moment the bureau would have (after the close of a 2023 round),
    /// so the pages do not say a 2023 view was computed today. The job is the service's own, with another clock.
    /// </summary>
    private async Task ComputeViewsAsync(DemoRound demo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var job = ActivatorUtilities.CreateInstance<SectorRecomputeJob>(services, new FixedClock(demo.ComputedAt ?? now));
        foreach (var type in demo.Mixes.Keys)
        {
            await job.RunAsync(demo.Id, type.ToWireName(), cancellationToken);
        }
    }

    private async Task MoveToAsync(string roundId, RoundStatus target, DateTimeOffset at, Actor bureau, CancellationToken cancellationToken)
    {
        var record = await rounds.GetAsync(roundId, cancellationToken);
        while (record is not null && record.Round.Status != target && record.Round.Status != RoundStatus.Published)
        {
            var next = record.Round.Status switch
            {
                RoundStatus.Draft => RoundStatus.Open,
                RoundStatus.Open => RoundStatus.Closed,
                _ => RoundStatus.Published,
            };
            await rounds.ChangeStatusAsync(roundId, record.Round.Status, next,
                bureau.Did("round.status-changed", "round", roundId, at, $"{record.Round.Status.ToWireName()} → {next.ToWireName()}"), cancellationToken);
            record = await rounds.GetAsync(roundId, cancellationToken);
        }
    }

    /// <summary>A seed that is the same on every run and every machine (string.GetHashCode is randomised per process).</summary>
    private static int Seed(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }
        return hash & 0x7fffffff;
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
