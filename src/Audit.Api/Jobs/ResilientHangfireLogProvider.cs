using Hangfire.Logging;

namespace Audit.Api.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a process-wide static. When several hosts share a process (tests,
/// or a host restarted in place), the static can outlive the logger factory it wraps; creating a logger
/// then throws ObjectDisposedException inside job code. This provider degrades to no logging instead.
/// </summary>
internal sealed class ResilientHangfireLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly Hangfire.AspNetCore.AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return new NoOpLog();
        }
    }

    private sealed class NoOpLog : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
