using Audit.Application.Outcomes;
using Audit.Application.Reports;
using Audit.Application.SectorViews;
using Audit.Core.Access;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Reports.ReportWorld;
using UseCaseCaller = Audit.Application.Access.Caller;

namespace Audit.Api.Tests.Reports;

/// <summary>
/// The rules of the report and sector-view use cases that no HTTP test reaches, because an endpoint's role policy
/// refuses the caller first: the use cases refuse them too, so a page or job that calls one directly cannot leak.
/// </summary>
[TestClass]
public sealed class ReportUseCaseTests
{
    private static readonly UseCaseCaller Analyst = new("uc-analyst", Role.Analyst, null);
    private static readonly UseCaseCaller Ministry = new("uc-ministry", Role.Ministry, null);
    private static readonly UseCaseCaller OwnRespondent = new("uc-respondent", Role.Respondent, Own);

    [TestMethod]
    public async Task Respondents_never_get_published_statistics_and_their_csv_export_is_not_recorded()
    {
        await using var world = await CreateSmallAsync("uc-statistics");
        await world.PublishAsync();
        var sector = world.App.Services.GetRequiredService<ReadSectorReport>();
        var parliament = world.App.Services.GetRequiredService<ReadParliamentReport>();

        Assert.IsTrue((await sector.ExecuteAsync(Ministry, world.RoundId, "universiteit", CancellationToken.None)).IsOk);
        Assert.IsTrue((await parliament.ExecuteAsync(Ministry, world.RoundId, CancellationToken.None)).IsOk);
        Assert.IsInstanceOfType<Failure.NotFound>((await sector.ExecuteAsync(OwnRespondent, world.RoundId, "universiteit", CancellationToken.None)).Failure);
        Assert.IsInstanceOfType<Failure.NotFound>((await parliament.ExecuteAsync(OwnRespondent, world.RoundId, CancellationToken.None)).Failure);
        Assert.IsInstanceOfType<Failure.NotFound>((await sector.ExportAsync(OwnRespondent, world.RoundId, "universiteit", CancellationToken.None)).Failure);
        Assert.IsEmpty(await world.EventsAsync($"{world.RoundId}/universiteit", "sector-view.read-export"));
    }

    [TestMethod]
    public async Task Round_wide_operations_refuse_everyone_outside_the_bureau_and_recompute_everyone_but_admins()
    {
        await using var world = await CreateSmallAsync("uc-roles");
        var services = world.App.Services;

        foreach (var outsider in new[] { Ministry, OwnRespondent })
        {
            Assert.IsInstanceOfType<Failure.Forbidden>((await services.GetRequiredService<RenderRoundReports>()
                .ExecuteAsync(outsider, world.RoundId, fromWebPage: false, CancellationToken.None)).Failure);
            Assert.IsInstanceOfType<Failure.Forbidden>((await services.GetRequiredService<RenderRoundReports>()
                .ListAsync(outsider, world.RoundId, CancellationToken.None)).Failure);
            Assert.IsInstanceOfType<Failure.Forbidden>((await services.GetRequiredService<ExportRoundAnswers>()
                .ExecuteAsync(outsider, world.RoundId, CancellationToken.None)).Failure);
        }
        Assert.IsInstanceOfType<Failure.Forbidden>((await services.GetRequiredService<RecomputeSectorViews>()
            .ExecuteAsync(Analyst, world.RoundId, CancellationToken.None)).Failure);
        Assert.IsEmpty(await world.EventsAsync(world.RoundId, "reports.render-requested"));
        Assert.IsEmpty(await world.EventsAsync(world.RoundId, "answers.read-export"));
    }
}
