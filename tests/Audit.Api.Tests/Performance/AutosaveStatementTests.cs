using System.Net;
using System.Net.Http.Json;
using Audit.Api.Access;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Data.Connections;
using Audit.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.Performance;

/// <summary>
/// Issue 21, counted rather than timed: an autosave (PUT of one answer with If-Match, the token already cached) is at
/// most five commands to SQLite, BEGIN and COMMIT included, on one connection, with no per-open pragma; and foreign keys,
/// now set once per native connection, still hold on a reused pooled one.
/// </summary>
[TestClass]
public sealed class AutosaveStatementTests
{
    private const string Key = "governance.bestuurder";

    private static AuditApp CountingApp(CommandLog log)
    {
        var app = new AuditApp();
        var connectionString = app.Settings["Database:ConnectionString"]!;
        // A frozen clock: the token stays cached and the revocation sequence is not due again, whatever the machine's speed.
        var clock = new ManualClock();
        app.TestServices = services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(_ => new DbConnectionFactory(DatabaseProvider.Sqlite, connectionString, cs => new CountingSqliteConnection(cs, log)));
        };
        return app;
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string url, int? version, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { value, comment = (string?)null }) };
        if (version is { } v)
        {
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{v}\""));
        }
        return await client.SendAsync(request);
    }

    [TestMethod]
    public async Task An_autosave_is_at_most_five_commands_on_one_connection()
    {
        var log = new CommandLog();
        await using var app = CountingApp(log);
        using var admin = await app.ClientForAsync(Role.Admin);
        using var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var (own, _) = await OpenRoundAsync(admin, "2023-autosave-count");
        var url = $"{AnswersUrl(own)}/{Key}";
        Assert.AreEqual(HttpStatusCode.OK, (await PutAsync(respondent, url, null, "yes")).StatusCode, "the first answer");
        Assert.AreEqual(HttpStatusCode.OK, (await PutAsync(respondent, url, 1, "no")).StatusCode, "warms the token cache");

        // The pool and the log are shared with the app's background jobs and, through SQLite's process-wide pools, touched
        // by tests running in parallel: in one CI run the counted request got a new native connection, whose pragmas were
        // counted, because another test's app had called SqliteConnection.ClearAllPools (now ClearSqlitePools, this
        // database only). So: enough idle native connections first, and only the request's own connection, the one that
        // updates the answer, is judged.
        var factory = app.Services.GetRequiredService<IDbConnectionFactory>();
        var warm = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => factory.OpenAsync()));
        foreach (var connection in warm)
        {
            await connection.DisposeAsync();
        }
        var cache = app.Services.GetRequiredService<TokenCache>();
        var loads = cache.Loads;
        log.Clear();
        var saved = await PutAsync(respondent, url, 2, "yes");

        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.AreEqual("\"3\"", saved.Headers.ETag!.Tag);
        var all = log.Commands.ToList();
        var request = all.Where(c => c.Text.StartsWith("UPDATE answers", StringComparison.Ordinal)).Select(c => c.ConnectionId).Single();
        var commands = all.Where(c => c.ConnectionId == request).Select(c => c.Text).ToList();
        var listing = string.Join(Environment.NewLine, all.Select(c => $"[{c.ConnectionId}] {c.Text}"));
        Assert.IsLessThanOrEqualTo(5, commands.Count, listing);
        Assert.DoesNotContain(c => c.Contains("PRAGMA", StringComparison.OrdinalIgnoreCase), commands, "no pragma per open\n" + listing);
        Assert.Contains(c => c.Contains("FROM participations p JOIN institutions", StringComparison.Ordinal), commands,
            "the scope is read on the request's one connection\n" + listing);
        Assert.DoesNotContain(c => c.ConnectionId != request && (c.Text.Contains("answers", StringComparison.Ordinal)
            || c.Text.Contains("answer_versions", StringComparison.Ordinal) || c.Text.Contains("access_tokens", StringComparison.Ordinal)),
            all, "one connection per request\n" + listing);
        Assert.AreEqual(loads, cache.Loads, "the token came from the cache\n" + listing);

        // The history row and the audit event are still written.
        var history = await respondent.GetFromJsonAsync<System.Text.Json.JsonElement>($"{url}/history");
        Assert.AreEqual(3, history.GetProperty("versions").GetArrayLength(), history.ToString());
    }

    [TestMethod]
    public async Task A_valid_token_is_looked_up_once_and_then_served_from_the_cache()
    {
        var log = new CommandLog();
        await using var app = CountingApp(log);
        using var admin = await app.ClientForAsync(Role.Admin);
        var cache = app.Services.GetRequiredService<TokenCache>();
        var before = cache.Loads;
        for (var i = 0; i < 5; i++)
        {
            Assert.AreEqual(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me")).StatusCode);
        }
        Assert.AreEqual(1, cache.Loads - before);
    }

    [TestMethod]
    public async Task Foreign_keys_hold_on_a_reused_pooled_connection()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var factory = app.Services.GetRequiredService<IDbConnectionFactory>();
        SqliteConnection? first;
        await using (var connection = await factory.OpenAsync())
        {
            first = (SqliteConnection)connection;
        }
        for (var open = 0; open < 3; open++)
        {
            await using var connection = (SqliteConnection)await factory.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys";
            Assert.AreEqual(1L, (long)(await command.ExecuteScalarAsync())!, $"open {open}");
            command.CommandText = "INSERT INTO participations (id, round_id, institution_id, status, created_at, updated_at) " +
                "VALUES ('p_fk', 'no-such-round', 'no-such-institution', 'invited', '2026-01-01', '2026-01-01')";
            var refused = await Assert.ThrowsExactlyAsync<SqliteException>(() => command.ExecuteNonQueryAsync(), $"open {open}");
            Assert.Contains("FOREIGN KEY", refused.Message, $"open {open}");
        }
        Assert.IsNotNull(first);
    }
}

/// <summary>
/// Issue 21: a token revoked on one process is refused by another over the same database within 2 s, although that
/// other process had the token cached: the revocation sequence (migration V18) tells it to forget.
/// </summary>
[TestClass]
public sealed class TokenRevocationTests
{
    [TestMethod]
    public async Task A_token_revoked_on_one_process_is_refused_by_another_within_two_seconds()
    {
        await using var first = new AuditApp();
        using var admin = await first.ClientForAsync(Role.Admin);
        using var analyst = await first.ClientForAsync(Role.Analyst);
        await using var second = new AuditApp();
        second.Settings["Database:ConnectionString"] = first.Settings["Database:ConnectionString"];
        using var elsewhere = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = first.ClientOptions.BaseAddress });
        elsewhere.DefaultRequestHeaders.Authorization = analyst.DefaultRequestHeaders.Authorization;
        Assert.AreEqual(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/v1/me")).StatusCode, "the second process caches the token");

        var userId = first.UserIds[analyst];
        var token = (await first.Services.GetRequiredService<IUserTokenReader>().ListLiveAsync(userId, DateTimeOffset.UtcNow)).Single();
        Assert.AreEqual(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/users/{userId}/tokens/{token.Id}")).StatusCode);

        await Eventually.UntilAsync(async () => (await elsewhere.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.Unauthorized,
            "the second process refuses the revoked token", TimeSpan.FromSeconds(2) + TokenCache.SequenceCheckInterval);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await analyst.GetAsync("/api/v1/me")).StatusCode, "the revoking process at once");
    }
}
