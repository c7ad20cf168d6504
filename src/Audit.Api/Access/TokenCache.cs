using System.Collections.Concurrent;

namespace Audit.Api.Access;

/// <summary>
/// Token hash → principal, for a few seconds per process: an autosave burst then authenticates without a query.
/// <para>
/// A revocation must hold on every process within 2 s. Each revocation and user change moves the database's revocation
/// sequence (<see cref="ITokenRevocations"/>, migration V18) in its own transaction; a lookup reads the sequence when the
/// last read is a second old or more, and empties the cache when it moved. This process's own revocations empty it at
/// once (<see cref="LocalTokenChanges"/>). A token that merely expires is honoured for at most <see cref="Lifetime"/> more.
/// Unknown tokens are never cached, so a guessed token costs a query every time, as the sign-in throttle expects.
/// </para>
/// </summary>
public sealed class TokenCache(ITokenRevocations revocations, LocalTokenChanges localChanges, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan SequenceCheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>Enough for every user signed in at once; beyond it the cache starts over rather than grow.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (TokenPrincipal Principal, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _checking = new(1, 1);
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private long _sequence = -1;
    private long _localSeen;

    /// <summary>Lookups that went to the database, for tests.</summary>
    public long Loads => Interlocked.Read(ref _loads);

    private long _loads;

    public async Task<TokenPrincipal?> FindAsync(
        string tokenHash, Func<CancellationToken, Task<TokenPrincipal?>> load, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await ForgetRevokedAsync(now, cancellationToken);
        if (_entries.TryGetValue(tokenHash, out var entry) && entry.Until > now)
        {
            return entry.Principal;
        }
        // Read the sequence before the principal: a revocation committed in between moves it, and the next check forgets.
        Interlocked.Increment(ref _loads);
        var principal = await load(cancellationToken);
        if (principal is null)
        {
            _entries.TryRemove(tokenHash, out _);
            return null;
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[tokenHash] = (principal, now + Lifetime);
        return principal;
    }

    private async Task ForgetRevokedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var local = localChanges.Count;
        if (local != Interlocked.Read(ref _localSeen))
        {
            Interlocked.Exchange(ref _localSeen, local);
            _entries.Clear();
        }
        if (now - _checkedAt < SequenceCheckInterval || !await _checking.WaitAsync(0, cancellationToken))
        {
            return; // checked within the second, or another request is checking right now
        }
        try
        {
            if (now - _checkedAt < SequenceCheckInterval)
            {
                return;
            }
            var sequence = await revocations.ReadSequenceAsync(cancellationToken);
            if (sequence != _sequence)
            {
                _entries.Clear();
                _sequence = sequence;
            }
            _checkedAt = now;
        }
        finally
        {
            _checking.Release();
        }
    }
}
