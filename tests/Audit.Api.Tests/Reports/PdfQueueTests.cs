using Audit.TestSupport;
using System.Net;
using Audit.Api.Reports;
using Audit.Api.Tests.Infrastructure;
using Audit.Reports.Pdf;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Reports.ReportWorld;

namespace Audit.Api.Tests.Reports;

/// <summary>
/// On-demand PDFs print through a bounded queue (Reports:MaxConcurrentPdf, Reports:MaxQueuedPdf): a request beyond it is
/// answered 503 problem+json with Retry-After at once instead of opening yet another browser page.
/// </summary>
[TestClass]
public sealed class PdfQueueTests
{
    private static readonly TimeSpan Patience = Eventually.Patience;

    /// <summary>A printer that holds every print until released, counting the prints started.</summary>
    private sealed class BlockingPdf : IPdfRenderer
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;

        public int Started => Volatile.Read(ref _started);

        public void Release() => _release.TrySetResult();

        public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _started);
            await _release.Task.WaitAsync(cancellationToken);
            return "%PDF-1.7 fake"u8.ToArray();
        }
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, "timed out waiting until " + what);
            await Task.Delay(20);
        }
    }

    [TestMethod]
    public async Task Beyond_the_printing_and_waiting_requests_a_pdf_request_is_503_with_retry_after()
    {
        var printer = new BlockingPdf();
        await using var world = await CreateSmallAsync("pdf-queue", app =>
        {
            app.Settings["Reports:MaxConcurrentPdf"] = "1";
            app.Settings["Reports:MaxQueuedPdf"] = "1";
            app.TestServices = services => services.AddSingleton<IPdfRenderer>(printer);
        });
        var queue = world.App.Services.GetRequiredService<PdfRenderQueue>();
        var url = world.FeedbackUrl(Own);

        var printing = GetAsync(world.Analyst, url, "application/pdf");
        await Until(() => printer.Started == 1, "the first PDF prints");
        var waiting = GetAsync(world.Analyst, url, "application/pdf");
        await Until(() => queue.Admitted == 2, "the second PDF waits in the queue");

        var refusedTask = GetAsync(world.Analyst, url, "application/pdf");
        var first = await Task.WhenAny(refusedTask, Task.Delay(Patience));
        Assert.AreSame(refusedTask, first, "a request beyond the queue is answered at once, not held");
        var refused = await refusedTask;

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
        Assert.AreEqual(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);
        Assert.AreEqual(1, printer.Started, "the waiting request has not started printing");
        var html = await GetAsync(world.Analyst, url, "text/html");
        Assert.AreEqual(HttpStatusCode.OK, html.StatusCode, "HTML does not queue");

        printer.Release();
        Assert.AreEqual(HttpStatusCode.OK, (await printing).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await waiting).StatusCode);
        Assert.AreEqual(0, queue.Admitted, "every slot is given back");
        var later = await GetAsync(world.Analyst, url, "application/pdf");
        Assert.AreEqual(HttpStatusCode.OK, later.StatusCode, "after the burst the queue takes requests again");
        Assert.AreEqual(3, printer.Started);
    }
}
