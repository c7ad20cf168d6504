using Audit.Api.Reports;
using Audit.Application.Participations;
using Audit.Application.Reports;
using Audit.Core.Reports;
using Audit.Core.Rounds;
using Audit.Reports.Localization;
using Audit.Reports.Pdf;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Reports.ReportWorld;

namespace Audit.Api.Tests.Reports;

/// <summary>
/// The render job renders feedback reports in parallel (<see cref="RenderReportsJob.Parallelism"/>). Parallel or not,
/// a run must store every report exactly once, each with one audit event, and the stored bytes must be the bytes a
/// plain one-at-a-time render of the same report gives.
/// </summary>
[TestClass]
public sealed class RenderJobParallelTests
{
    /// <summary>One moment for every render, so that two renders of one report are byte-identical.</summary>
    private sealed class FixedClock : TimeProvider
    {
        private readonly DateTimeOffset now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;
    }

    [TestMethod]
    public async Task A_parallel_run_stores_every_feedback_report_once_with_the_bytes_of_a_sequential_render()
    {
        await using var world = await CreateAsync("job-parallel", app => app.TestServices = services => services.AddSingleton<TimeProvider>(new FixedClock()));
        var services = world.App.Services;
        var job = services.GetRequiredService<RenderReportsJob>();
        job.Parallelism = 4; // more renders at once than the test machine may have cores: interleaving is the point

        var outcome = await job.RunAsync(world.RoundId, CancellationToken.None);

        var files = await services.GetRequiredService<IRenderedReportRepository>().ListAsync(world.RoundId);
        var feedback = files.Where(f => f.Key.Kind == ReportKinds.Feedback).ToList();
        Assert.HasCount(2 * world.Participations.Count, feedback, "one feedback report per participation and language");
        Assert.HasCount(feedback.Count, feedback.Select(f => (f.Key.Subject, f.Key.Language)).Distinct().ToList(), "none stored twice");
        Assert.AreEqual(files.Count, outcome.Stored);
        Assert.AreEqual(0, outcome.AlreadyStored);
        foreach (var file in feedback)
        {
            var events = await world.EventsAsync($"{world.RoundId}/{ReportKinds.Feedback}/{file.Key.Subject}", "report.rendered");
            Assert.HasCount(1, events.Where(e => e.Summary!.StartsWith(file.Key.Language + " ", StringComparison.Ordinal)).ToList(),
                $"one audit event for {file.Key.Subject} {file.Key.Language}");
        }

        // The sequential reference: each participation's report read, prepared and rendered one at a time, as the
        // endpoints render a report on the fly.
        var round = (await services.GetRequiredService<IRoundRepository>().GetAsync(world.RoundId))!;
        var inputs = services.GetRequiredService<ReportInputs>();
        var prepare = services.GetRequiredService<ReportPreparation>();
        var stored = services.GetRequiredService<IRenderedReportRepository>();
        var questionnaire = await inputs.QuestionnaireAsync(round.Round, CancellationToken.None);
        var compared = 0;
        await foreach (var participation in RoundParticipations.AllAsync(services.GetRequiredService<IParticipationRepository>(), world.RoundId, CancellationToken.None))
        {
            var data = (await inputs.FeedbackAsync(new ParticipationScope(participation, round, questionnaire), CancellationToken.None))!;
            foreach (var language in ReportLanguages.All)
            {
                var report = prepare.Feedback(data, language);
                var file = await stored.GetAsync(report.KeyFor(ReportFormat.Html));
                Assert.IsNotNull(file, $"the parallel run stored {participation.Id} {language.Code()} under its fingerprint");
                var sequential = await report.RenderAsync(ReportFormat.Html, services.GetRequiredService<IPdfRenderer>(), CancellationToken.None);
                Assert.AreSequenceEqual(sequential, file.Content, $"{participation.Id} {language.Code()}");
                compared++;
            }
        }
        Assert.AreEqual(feedback.Count, compared);
    }
}
