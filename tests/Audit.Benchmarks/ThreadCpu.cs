using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Audit.Benchmarks;

/// <summary>
/// The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): a per-call cost that a loaded machine does not
/// inflate, unlike wall time, so ratios of two short operations stay meaningful while other processes run.
/// Elsewhere it falls back to wall time and says so.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static string Note => OperatingSystem.IsLinux() ? "" : " (not Linux: wall time)";

    public static long Nanoseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return time.Seconds * 1_000_000_000 + time.Nanoseconds;
        }
        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }
}
