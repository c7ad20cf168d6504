using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Invitations;
using Audit.Application.Access;
using Audit.Application.Invitations;
using Audit.Application.Outcomes;
using Audit.Application.Participations;
using Audit.Application.Requests;
using Audit.Application.Rounds;
using Audit.Core.Access;
using Audit.Core.Rounds;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Rounds;

/// <summary>
/// The round use cases check the caller's role themselves, so they are safe from any caller, not only behind the
/// endpoints' policies (which the authorization matrix covers): the wrong role changes nothing and learns nothing.
/// </summary>
[TestClass]
public sealed class RoundUseCaseAccessTests
{
    private static readonly Caller Analyst = new("u_analyst", Role.Analyst, null);
    private static readonly Caller Respondent = new("u_respondent", Role.Respondent, RoundMailWorld.Uva);
    private static readonly Caller Ministry = new("u_ministry", Role.Ministry, null);

    [TestMethod]
    public async Task Only_admins_move_rounds_and_only_the_bureau_reads_progress_or_sends_invitations()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        T UseCase<T>() where T : notnull => app.Services.GetRequiredService<T>();

        var closed = await UseCase<ChangeRoundStatus>().ExecuteAsync(Analyst, world.RoundId, "closed", CancellationToken.None);
        Assert.IsInstanceOfType<Failure.Forbidden>(closed.Failure);
        Assert.AreEqual(RoundStatus.Open, (await UseCase<IRoundRepository>().GetAsync(world.RoundId))!.Round.Status);

        var created = await UseCase<CreateRound>().ExecuteAsync(Respondent,
            new RoundDraft("2026", "Audit 2026", "kennisveiligheid", "2025", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30), null, null),
            RoundParticipants.None, CancellationToken.None);
        Assert.IsInstanceOfType<Failure.Forbidden>(created.Failure);
        Assert.IsNull(await UseCase<IRoundRepository>().GetAsync("2026"));

        var progress = await UseCase<ReadRoundProgress>().ExecuteAsync(Respondent, world.RoundId, CancellationToken.None);
        Assert.IsInstanceOfType<Failure.Forbidden>(progress.Failure);
        Assert.IsTrue((await UseCase<ReadRoundProgress>().ExecuteAsync(Analyst, world.RoundId, CancellationToken.None)).IsOk);

        var sent = await UseCase<SendRoundInvitations>().ExecuteAsync(Respondent, world.RoundId, null, resend: false, CancellationToken.None);
        Assert.IsInstanceOfType<Failure.Forbidden>(sent.Failure);
        Assert.IsEmpty(await world.OutboxKeysAsync());

        var invited = await UseCase<InviteParticipants>().ExecuteAsync(Analyst, world.RoundId, new Invitees(null, ["hogeschool"]), CancellationToken.None);
        Assert.IsInstanceOfType<Failure.Forbidden>(invited.Failure);
    }

    [TestMethod]
    public async Task The_ministry_is_told_a_round_has_no_participations_to_show()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        var read = app.Services.GetRequiredService<ReadParticipations>();

        var ministry = await read.ExecuteAsync(Ministry, world.RoundId, PageInput.All, CancellationToken.None);
        Assert.IsInstanceOfType<Failure.NotFound>(ministry.Failure);
        Assert.AreEqual($"Round '{world.RoundId}' does not exist.", ministry.Failure.Detail);

        var own = await read.ExecuteAsync(Respondent, world.RoundId, PageInput.All, CancellationToken.None);
        Assert.AreEqual(world.ParticipationIds[RoundMailWorld.Uva], own.Value.Items.Single().Id);
        Assert.HasCount(3, (await read.ExecuteAsync(Analyst, world.RoundId, PageInput.All, CancellationToken.None)).Value.Items);
    }
}
