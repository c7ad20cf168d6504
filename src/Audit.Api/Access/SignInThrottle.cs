using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Audit.Api.Access;

/// <summary>
/// Keeps failed sign-ins from flooding the logs and the database, without ever locking out a valid credential.
/// Tokens carry 256 random bits, so guessing is hopeless anyway; what is worth stopping is the same bad credential
/// sent again and again, and one address sending many bad ones.
/// <list type="bullet">
/// <item>A credential that failed <see cref="MaxFailures"/> times within <see cref="Window"/> is refused (429) before
/// it is looked up again. It is known by a hash, so the table holds no credential material.</item>
/// <item>An address past <see cref="MaxAddressFailures"/> failures gets 429 instead of 401 for its next failures,
/// but a valid token or session from it still passes: behind a proxy or NAT, one person cannot lock out the rest.</item>
/// </list>
/// Entries expire after the window and are pruned as the table grows. Per process: behind several web nodes each
/// counts on its own, which still bounds the flood.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxFailures = 10;
    public const int MaxAddressFailures = 50;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Pruning walks the table; once per this many failures keeps it cheap.</summary>
    private const int PruneEvery = 256;

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> _failures = new(StringComparer.Ordinal);
    private int _failuresSincePrune;

    /// <summary>How many addresses and credentials are tracked now, for tests and diagnostics.</summary>
    public int Tracked => _failures.Count;

    public bool IsRefused(string credential) => IsBlocked(CredentialKey(credential), MaxFailures);

    /// <summary>
    /// Asked after a failure was recorded: the address's first <see cref="MaxAddressFailures"/> failures are
    /// answered as usual, the ones after them with 429.
    /// </summary>
    public bool IsAddressThrottled(HttpContext context) => IsBlocked(AddressKey(context), MaxAddressFailures + 1);

    /// <summary>One failed sign-in from this request's address, with the credential it presented when there was one.</summary>
    public void RecordFailure(HttpContext context, string? credential)
    {
        var now = clock.GetUtcNow();
        Count(AddressKey(context), now);
        if (!string.IsNullOrEmpty(credential))
        {
            Count(CredentialKey(credential), now);
        }
        if (Interlocked.Increment(ref _failuresSincePrune) >= PruneEvery)
        {
            Interlocked.Exchange(ref _failuresSincePrune, 0);
            Prune(now);
        }
    }

    /// <summary>429 problem+json with Retry-After: the answer to a throttled sign-in, from middleware or handler.</summary>
    public static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
            detail: "Too many failed sign-in attempts. Try again later.").ExecuteAsync(context);
    }

    /// <summary>The same 429 as an <see cref="IResult"/>, for handlers.</summary>
    public static IResult Throttled() => new ThrottledResult();

    private sealed class ThrottledResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => RefuseAsync(httpContext);
    }

    public void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _failures)
        {
            if (now - entry.Since >= Window)
            {
                _failures.TryRemove(new KeyValuePair<string, (int, DateTimeOffset)>(key, entry));
            }
        }
    }

    private bool IsBlocked(string key, int limit) =>
        _failures.TryGetValue(key, out var entry) && entry.Count >= limit && clock.GetUtcNow() - entry.Since < Window;

    private void Count(string key, DateTimeOffset now) =>
        _failures.AddOrUpdate(key, _ => (1, now), (_, entry) => now - entry.Since >= Window ? (1, now) : (entry.Count + 1, entry.Since));

    private static string AddressKey(HttpContext context) => "a:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static string CredentialKey(string credential) =>
        "c:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)), 0, 16);
}
