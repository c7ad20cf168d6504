using System.Collections.Concurrent;
using Audit.Data.Connections;
using Microsoft.Data.Sqlite;

namespace Audit.Data.Transactions;

/// <summary>
/// One write transaction at a time per SQLite file within this process, handed on in order.
/// </summary>
/// <remarks>
/// SQLite allows one writer per file anyway. Without this queue, the writers that find the lock taken wait in SQLite's
/// busy handler, which sleeps and polls: the lock is often free while every waiter is still asleep. Measured with 64
/// autosaving clients on 2 cores, the service then used about one core while throughput stalled on the lock. Waiting
/// here instead wakes the next writer the moment the previous one commits. Other processes on the same file (a second
/// instance, the command-line tools) still meet the busy handler, which stays the safety net.
/// </remarks>
internal static class SqliteWriters
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    /// <summary>Waits for this connection's file to be free of writers from this process; null for other engines.</summary>
    public static async Task<IDisposable?> WaitTurnAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is not SqliteConnection sqlite || string.IsNullOrEmpty(sqlite.DataSource) || sqlite.DataSource == ":memory:")
        {
            return null;
        }
        var turn = Turns.GetOrAdd(sqlite.DataSource, static _ => new SemaphoreSlim(1, 1));
        // As long as SQLite's own busy timeout: a writer stuck that long fails as it did before, rather than hanging.
        if (!await turn.WaitAsync(TimeSpan.FromSeconds(DbConnectionFactory.SqliteBusyTimeoutSeconds), cancellationToken))
        {
            throw new TimeoutException($"Another write transaction on {sqlite.DataSource} held it for {DbConnectionFactory.SqliteBusyTimeoutSeconds} s.");
        }
        return new Release(turn);
    }

    private sealed class Release(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
