using Audit.Application.Participations;
using Audit.Application.Reports;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Reports;
using Audit.Core.Rounds;
using Audit.Reports.Localization;
using Audit.Reports.Pdf;
using Hangfire;

namespace Audit.Api.Reports;

/// <summary>What one run of the render job did.</summary>
public sealed record RenderOutcome(int Stored, int AlreadyStored, int Skipped, bool PdfAvailable);

/// <summary>
/// Renders every report of a round, in every language, as HTML and (where Chromium is available) PDF: the feedback
/// report of each participation, each sector report and the report to parliament. Each file is stored under its
/// fingerprint, so unchanged inputs find their file and store nothing new. Idempotent and safe on two workers at
/// once: the store is insert-if-absent, and whichever render landed first stays the file everyone downloads.
/// A lost job costs nothing but time, since the endpoints render on the fly when no stored file matches.
/// The feedback reports (one per participation, the bulk of a round) render <see cref="Parallelism"/> at a time: each
/// is still stored in its own transaction with its own audit event, and the store's insert-if-absent keeps two
/// parallel renders of one fingerprint, in this run or on another worker, from storing it twice.
/// </summary>
public sealed class RenderReportsJob(
    IRoundRepository rounds,
    IParticipationRepository participations,
    ReportInputs inputs,
    ReportPreparation prepare,
    IRenderedReportRepository stored,
    IPdfRenderer pdf,
    TimeProvider clock,
    ILogger<RenderReportsJob> logger)
{
    /// <summary>
    /// Feedback reports rendered at once. Rendering is CPU-bound (Scriban) between short reads and writes, so more
    /// than the cores only adds contention; the tests set 1 to get the sequential result to compare with.
    /// </summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    public async Task<RenderOutcome> RunAsync(string roundId, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(roundId, cancellationToken) is not { } round)
        {
            logger.LogWarning("Rendering reports of round {RoundId}: the round does not exist.", roundId);
            return new RenderOutcome(0, 0, 0, true);
        }
        var run = new Run();
        var questionnaire = await inputs.QuestionnaireAsync(round.Round, cancellationToken);
        // Each report's data is read once and rendered in every language; participations in parallel, bounded.
        await Parallel.ForEachAsync(RoundParticipations.AllAsync(participations, roundId, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Parallelism), CancellationToken = cancellationToken },
            async (participation, token) =>
            {
                var data = await inputs.FeedbackAsync(new ParticipationScope(participation, round, questionnaire), token);
                await StoreAsync(data, prepare.Feedback, run, token);
            });
        foreach (var type in Enum.GetValues<InstitutionType>())
        {
            await StoreAsync(await inputs.SectorAsync(round, type.ToWireName(), cancellationToken), prepare.Sector, run, cancellationToken, absentIsExpected: true);
        }
        await StoreAsync(await inputs.ParliamentAsync(round, cancellationToken), prepare.Parliament, run, cancellationToken);
        logger.LogInformation(
            "Reports of round {RoundId}: {Stored} file(s) stored, {Existing} already stored, {Skipped} report(s) without a sector view{Pdf}.",
            roundId, run.Stored, run.Existing, run.Skipped, run.PdfAvailable ? "" : "; no PDFs: Chromium is not available");
        return new RenderOutcome(run.Stored, run.Existing, run.Skipped, run.PdfAvailable);
    }

    /// <summary>Counters shared by the parallel renders of one run.</summary>
    private sealed class Run
    {
        private int stored;
        private int existing;
        private int skipped;
        private volatile bool pdfAvailable = true;

        public int Stored => Volatile.Read(ref stored);
        public int Existing => Volatile.Read(ref existing);
        public int Skipped => Volatile.Read(ref skipped);

        public bool PdfAvailable
        {
            get => pdfAvailable;
            set => pdfAvailable = value;
        }

        public void AddStored() => Interlocked.Increment(ref stored);
        public void AddExisting() => Interlocked.Increment(ref existing);
        public void AddSkipped() => Interlocked.Increment(ref skipped);
    }

    /// <summary>Every language of one report; <paramref name="data"/> is null while its sector view is not computed.</summary>
    private async Task StoreAsync<T>(
        T? data, Func<T, ReportLanguage, PreparedReport> prepare, Run run, CancellationToken cancellationToken, bool absentIsExpected = false)
        where T : class
    {
        foreach (var language in ReportLanguages.All)
        {
            if (data is null)
            {
                // No computed sector view yet: nothing to show, and the next render picks it up.
                if (!absentIsExpected)
                {
                    run.AddSkipped();
                }
                continue;
            }
            await StoreAsync(prepare(data, language), run, cancellationToken);
        }
    }

    private async Task StoreAsync(PreparedReport report, Run run, CancellationToken cancellationToken)
    {
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            var key = report.KeyFor(format);
            if (format == ReportFormat.Pdf && !run.PdfAvailable)
            {
                continue;
            }
            if (await stored.ExistsAsync(key, cancellationToken))
            {
                run.AddExisting();
                continue;
            }
            byte[] content;
            try
            {
                content = await report.RenderAsync(format, pdf, cancellationToken);
            }
            catch (PdfUnavailableException e)
            {
                // HTML still gets stored; the PDFs are rendered on request (answering 501) until a browser is configured.
                logger.LogWarning("Rendering reports of round {RoundId} without PDFs: {Reason}", report.RoundId, e.Message);
                run.PdfAvailable = false;
                continue;
            }
            var now = clock.GetUtcNow();
            var file = new StoredReport(key, format.ContentType(), content, ReportFingerprint.Sha256(content), report.TemplateVersion,
                report.SectorFingerprints, now);
            var audit = Actor.System.Did("report.rendered", "report", $"{key.RoundId}/{key.Kind}/{key.Subject}", now,
                $"{key.Language} {key.Format} {key.Fingerprint}");
            if (await stored.StoreAsync(file, audit, cancellationToken))
            {
                run.AddStored();
            }
            else
            {
                run.AddExisting(); // another worker stored it meanwhile; its bytes stay
            }
        }
    }
}

public sealed class HangfireReportRenderScheduler(IBackgroundJobClient jobs) : IReportRenderScheduler
{
    public string Enqueue(string roundId) => jobs.Enqueue<RenderReportsJob>(job => job.RunAsync(roundId, CancellationToken.None));
}
