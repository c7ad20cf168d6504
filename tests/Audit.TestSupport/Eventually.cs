using System.Diagnostics;

namespace Audit.TestSupport;

/// <summary>
/// Waits for what a test needs from a background job (a stored view, rendered files) by asking until it is there.
/// The bound is generous on purpose: CI machines are shared, and a job that needs a minute under load is not a bug;
/// a test that gives up after 20 s is.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? patience = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > (patience ?? Patience))
            {
                Assert.Fail($"Timed out after {clock.Elapsed.TotalSeconds:0} s waiting until {what}.");
            }
            await Task.Delay(100);
        }
    }
}
