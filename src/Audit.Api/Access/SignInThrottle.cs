using System.Collections.Concurrent;

namespace Audit.Api.Access;

/// <summary>
/// Slows down guessing: after <see cref="MaxFailures"/> failed sign-ins from one address within
/// <see cref="Window"/>, further attempts from it are refused with 429 until the window passes.
/// Per process; behind several web nodes each node counts on its own, which still bounds guessing.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> _failures = new();

    public bool IsBlocked(HttpContext context) =>
        _failures.TryGetValue(Key(context), out var entry) && entry.Count >= MaxFailures && clock.GetUtcNow() - entry.Since < Window;

    public void RecordFailure(HttpContext context)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(Key(context), _ => (1, now),
            (_, entry) => now - entry.Since >= Window ? (1, now) : (entry.Count + 1, entry.Since));
    }

    private static string Key(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
