using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Audit.Data.Connections;

/// <summary>
/// One async queue per SQLite file for this process's write transactions, taken before BEGIN IMMEDIATE.
/// <para>
/// SQLite admits one writer at a time. Without the queue, a waiting writer sits in SQLite's busy handler, which sleeps
/// on a thread-pool thread (Microsoft.Data.Sqlite runs synchronously inside its async methods): 64 concurrent
/// autosaves pin 64 threads, and whichever sleeper happens to wake first wins the lock, so the unlucky ones wait for
/// hundreds of milliseconds. In the queue they wait without a thread and in arrival order. Other processes (the
/// generator CLI, a second instance) are still kept out by SQLite's own lock and busy timeout.
/// </para>
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this file's turn; dispose the result to let the next writer in.</summary>
    public static async Task<IDisposable> EnterAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(KeyOf(connection), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    /// <summary>The full path of the main database file; the connection string for in-memory databases.</summary>
    private static string KeyOf(SqliteConnection connection) =>
        string.IsNullOrEmpty(connection.DataSource) || connection.DataSource == ":memory:" ? connection.ConnectionString : connection.DataSource;

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
