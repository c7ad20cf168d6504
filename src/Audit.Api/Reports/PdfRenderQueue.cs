using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Audit.Api.Reports;

/// <summary>Section <c>Reports</c>: how many on-demand PDFs print at once, and how many may wait for a turn.</summary>
public sealed class PdfQueueOptions
{
    /// <summary>PDFs printed at once per process. Each is a Chromium page: memory and CPU, not I/O.</summary>
    [Range(1, 64)]
    public int MaxConcurrentPdf { get; set; } = 2;

    /// <summary>Requests that may wait for a free print slot; any more are answered 503 with Retry-After at once.</summary>
    [Range(0, 1000)]
    public int MaxQueuedPdf { get; set; } = 4;
}

/// <summary>
/// A bounded queue in front of on-demand PDF printing. Without it, a burst of PDF requests opens as many Chromium pages
/// as there are requests and the process runs out of memory; with it, a few print, a few wait, and the rest are told
/// to come back, which a browser or script can do without losing anything (a report request changes nothing).
/// </summary>
public sealed class PdfRenderQueue : IDisposable
{
    /// <summary>What a refused request is told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _slots;
    private readonly int _admissible;
    private int _admitted;

    public PdfRenderQueue(IOptions<PdfQueueOptions> options)
    {
        var value = options.Value;
        _slots = new SemaphoreSlim(value.MaxConcurrentPdf, value.MaxConcurrentPdf);
        _admissible = value.MaxConcurrentPdf + value.MaxQueuedPdf;
    }

    /// <summary>Requests printing or waiting now (for tests that need to know a request has taken its place).</summary>
    internal int Admitted => Volatile.Read(ref _admitted);

    /// <summary>A print slot, after waiting in the queue if needed; null at once when the queue is full.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _admitted) > _admissible)
        {
            Interlocked.Decrement(ref _admitted);
            return null;
        }
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        catch
        {
            // The caller went away while waiting: its place in the queue is free again.
            Interlocked.Decrement(ref _admitted);
            throw;
        }
        return new Slot(this);
    }

    /// <summary>503 problem+json with Retry-After: the queue is full now, not broken.</summary>
    public static ProblemHttpResult Full(HttpContext http)
    {
        http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return ApiProblems.Status(StatusCodes.Status503ServiceUnavailable,
            "Too many PDF reports are being printed right now. Try again shortly; the HTML form of the report is available at once.");
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(PdfRenderQueue queue) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                queue._slots.Release();
                Interlocked.Decrement(ref queue._admitted);
            }
        }
    }
}
