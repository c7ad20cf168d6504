using System.Data;
using System.Runtime.CompilerServices;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Data.Connections;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace Audit.Benchmarks;

/// <summary>
/// The two references the autosave runs against, in the same process, as a middleware in front of the whole pipeline:
/// <list type="bullet">
/// <item><c>/bench/bare</c>: one INSERT into a table of its own (the "bare insert"), no routing, no auth.</item>
/// <item><c>/bench/repository/{client}</c>: the autosave's own write, <see cref="IAnswerRepository.SaveInScopeAsync"/>,
/// on the client's answer, with no HTTP pipeline, authentication, validation or JSON around it. The gap between it and
/// the bare insert is the engine's work for the autosave's statements; the gap between it and the PUT is the service.</item>
/// </list>
/// </summary>
internal sealed class AutosaveReferences(DbConnectionFactory bare, string insert) : IStartupFilter
{
    public const string BarePath = "/bench/bare";
    public const string RepositoryPath = "/bench/repository";

    /// <summary>Each client's participation and question, set once the round is generated.</summary>
    public IReadOnlyList<(string ParticipationId, string Key)> Targets { get; set; } = [];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var path = context.Request.Path;
            if (path == BarePath)
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                await using var connection = await bare.OpenAsync();
                await connection.ExecuteAsync(insert, new { body, at = DateTime.UtcNow });
                context.Response.StatusCode = 200;
            }
            else if (path.StartsWithSegments(RepositoryPath, out var rest) && int.TryParse(rest.Value.AsSpan(1), out var client))
            {
                var (participationId, key) = Targets[client];
                var answers = context.RequestServices.GetRequiredService<IAnswerRepository>();
                var value = $"{client % 6}";
                var result = await answers.SaveInScopeAsync(participationId, key,
                    read => Task.FromResult<AnswerWrite?>(new AnswerWrite(key, value, "repository " + value, read?.Current?.Version)),
                    Actor.System, DateTimeOffset.UtcNow, context.RequestAborted);
                context.Response.StatusCode = result?.Outcome == AnswerSaveOutcome.Saved ? 200 : 500;
            }
            else
            {
                await nextMiddleware(context);
            }
        });
        next(app);
    };
}

/// <summary>Counts the commands the service sends to SQLite (BEGIN and COMMIT included: Microsoft.Data.Sqlite runs them as commands).</summary>
internal sealed class CountingSqliteConnection(string connectionString, StrongBox<long> commands) : SqliteConnection(connectionString)
{
    public override SqliteCommand CreateCommand() => new CountingCommand(commands) { Connection = this, CommandTimeout = DefaultTimeout, Transaction = Transaction };

    private sealed class CountingCommand(StrongBox<long> commands) : SqliteCommand
    {
        public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
        {
            Interlocked.Increment(ref commands.Value);
            return base.ExecuteReader(behavior);
        }
    }
}
