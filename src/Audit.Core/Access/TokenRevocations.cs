namespace Audit.Core.Access;

/// <summary>
/// The database's revocation sequence: a counter that every token revocation and every change of a user moves, in the
/// same transaction. A process that caches token lookups reads it now and then, and forgets its cache when it moved.
/// </summary>
public interface ITokenRevocations
{
    Task<long> ReadSequenceAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// This process's own revocations, counted as they commit, so its cache forgets them at once rather than at the next
/// read of the database's sequence (which is for the other processes).
/// </summary>
public sealed class LocalTokenChanges
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Note() => Interlocked.Increment(ref _count);
}
