using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;

namespace Audit.Api.Tests.Performance;

/// <summary>What the service sent to SQLite: every command (BEGIN and COMMIT included), with the connection that ran it.</summary>
public sealed class CommandLog
{
    /// <summary>Each command with the connection object that ran it (numbered per log).</summary>
    public ConcurrentQueue<(int ConnectionId, string Text)> Commands { get; } = new();

    private int _connections;

    public int NextConnectionId() => Interlocked.Increment(ref _connections);

    public void Clear() => Commands.Clear();
}

/// <summary>
/// A SqliteConnection that logs each command it runs. Microsoft.Data.Sqlite runs BEGIN, COMMIT and the connection-string
/// pragmas through <see cref="SqliteConnection.CreateCommand"/> too, so they are counted like the service's own SQL.
/// </summary>
public sealed class CountingSqliteConnection(string connectionString, CommandLog log) : SqliteConnection(connectionString)
{
    private readonly int _id = log.NextConnectionId();

    public override SqliteCommand CreateCommand() => new CountingCommand(log, _id) { Connection = this, CommandTimeout = DefaultTimeout, Transaction = Transaction };

    private sealed class CountingCommand(CommandLog log, int connectionId) : SqliteCommand
    {
        public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
        {
            log.Commands.Enqueue((connectionId, CommandText));
            return base.ExecuteReader(behavior);
        }
    }
}
