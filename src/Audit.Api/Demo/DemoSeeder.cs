using System.Text.Json;
using Audit.Api.Questionnaires;
using Audit.Api.SectorViews;
using Audit.Application.Questionnaires;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Core.Synthetic;

namespace Audit.Api.Demo;

/// <summary>
/// Demo mode (<c>--demo</c>): makes a first run useful. Creates a 2023 round for universities and one for
/// hogescholen (published), and a 2025 university round with the 2023 one as its baseline (open); fills them
/// with synthetic answers, accepts most, computes the sector views and prints sign-in links. Idempotent: an
/// existing demo round is left alone.
/// </summary>
public sealed class DemoSeeder(
    IRoundRepository rounds,
    IParticipationRepository participations,
    IAnswerRepository answers,
    ISubmissionRepository submissions,
    IReviewRepository reviews,
    IUserRepository users,
    QuestionnaireCatalog catalog,
    SectorSweepJob sweep,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    private static readonly Actor Demo = new("demo", "system");

    public sealed record DemoRound(string Id, string Version, InstitutionType Type, RoundStatus Final, string? Baseline, double AcceptShare);

    public static IReadOnlyList<DemoRound> Rounds { get; } =
    [
        new("demo-2023-universiteiten", "2023", InstitutionType.Universiteit, RoundStatus.Published, null, 0.9),
        new("demo-2023-hogescholen", "2023", InstitutionType.Hogeschool, RoundStatus.Published, null, 0.85),
        new("demo-2025-universiteiten", "2025", InstitutionType.Universiteit, RoundStatus.Open, "demo-2023-universiteiten", 0.6),
    ];

    public async Task<IReadOnlyList<string>> RunAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var demo in Rounds)
        {
            if (await rounds.GetAsync(demo.Id, cancellationToken) is not null)
            {
                continue;
            }
            await SeedRoundAsync(demo, now, cancellationToken);
        }
        await sweep.RunAsync(cancellationToken);
        foreach (var demo in Rounds.Where(r => r.Final == RoundStatus.Published))
        {
            await MoveToAsync(demo.Id, RoundStatus.Published, now, cancellationToken);
        }
        return await InvitationLinksAsync(baseUrl, now, cancellationToken);
    }

    private async Task SeedRoundAsync(DemoRound demo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var round = new Round(demo.Id, $"Demo: audit kennisveiligheid {demo.Version} — {demo.Type.ToWireName()}",
            new QuestionnaireRef("kennisveiligheid", demo.Version), now.AddDays(-60), now.AddDays(30), DisclosureSettings.Default,
            RoundStatus.Draft, demo.Baseline);
        await rounds.InsertAsync(round, Demo.Did("round.created", "round", demo.Id, now, "demo"), cancellationToken);
        await rounds.ChangeStatusAsync(demo.Id, RoundStatus.Draft, RoundStatus.Open, Demo.Did("round.status-changed", "round", demo.Id, now, "demo"), cancellationToken);
        var invited = await participations.InviteByTypesAsync(demo.Id, [demo.Type], Demo, now, cancellationToken);
        var questionnaire = (await catalog.GetAsync("kennisveiligheid", demo.Version, cancellationToken))!;
        var random = new Random(demo.Id.GetHashCode(StringComparison.Ordinal) & 0x7fffffff);
        var seed = 0;
        foreach (var participation in invited.Participations)
        {
            var roll = random.NextDouble();
            if (roll > demo.AcceptShare + 0.25)
            {
                continue; // not started
            }
            var writes = new SyntheticAnswers(++seed + demo.Id.Length * 1000).For(questionnaire)
                .Select(a => new AnswerWrite(a.QuestionKey, a.ValueJson)).ToList();
            var saved = await answers.SaveBatchAsync(participation.Id, writes, Demo, now, cancellationToken);
            if (!saved.Saved || roll > demo.AcceptShare + 0.1)
            {
                continue; // in progress
            }
            var versions = saved.Items.ToDictionary(i => i.QuestionKey, i => i.Answer!.Version);
            var snapshot = new SubmissionSnapshot(JsonSerializer.Serialize(writes), AccessTokens.Hash(JsonSerializer.Serialize(writes)), versions);
            await submissions.SubmitAsync(participation.Id, ParticipationStatus.InProgress, snapshot, Demo, now, cancellationToken);
            if (roll <= demo.AcceptShare)
            {
                await reviews.ReviewAsync(participation.Id, ReviewOutcome.Accept, [], "Demo: geaccepteerd.", Demo, now, cancellationToken);
            }
        }
        logger.LogInformation("Demo round {RoundId} seeded with {Count} invited institutions.", demo.Id, invited.Participations.Count);
    }

    private async Task MoveToAsync(string roundId, RoundStatus target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = await rounds.GetAsync(roundId, cancellationToken);
        while (record is not null && record.Round.Status != target)
        {
            var next = record.Round.Status == RoundStatus.Open ? RoundStatus.Closed : RoundStatus.Published;
            await rounds.ChangeStatusAsync(roundId, record.Round.Status, next, Demo.Did("round.status-changed", "round", roundId, now, "demo"), cancellationToken);
            record = await rounds.GetAsync(roundId, cancellationToken);
        }
    }

    /// <summary>One-time links for a respondent (UvA), an analyst and the ministry.</summary>
    private async Task<IReadOnlyList<string>> InvitationLinksAsync(string baseUrl, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var links = new List<string>();
        foreach (var (role, institution, name) in new[] { (Role.Respondent, "uva", "Demo respondent UvA"), (Role.Analyst, (string?)null, "Demo analist"), (Role.Ministry, null, "Demo OCW") })
        {
            var email = $"demo-{role.ToWireName()}@audit.local";
            var user = await users.FindByEmailAsync(email, cancellationToken);
            if (user is null)
            {
                user = new User(AccessTokens.NewId("u_"), name, email, role, institution, true, now);
                await users.InsertAsync(user, Demo.Did("user.created", "user", user.Id, now, "demo"), cancellationToken);
            }
            var token = AccessTokens.NewToken();
            var stored = StoredToken.For(user.Id, TokenKind.Invitation, token, now, now.AddDays(14));
            await users.InsertTokenAsync(stored, Demo.Did("invitation.created", "token", stored.Id, now, "demo"), cancellationToken);
            links.Add($"{role.ToWireName(),-10} {baseUrl.TrimEnd('/')}{Access.InvitationApi.PathFor(token)}");
        }
        return links;
    }
}
