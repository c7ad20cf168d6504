using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Data.Bulk;
using Audit.Data.Connections;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Audit.Application.Questionnaires;

namespace Audit.Benchmarks;

/// <summary>
/// (c) Autosave: C concurrent in-process HttpClients for S seconds against PUT /api/v1/participations/{id}/answers/{key}
/// (JSON {value, comment}, If-Match with the ETag), against a bare endpoint in the same process that does one
/// insert into the same database, and against the autosave's repository write alone, without the HTTP pipeline (see
/// <see cref="AutosaveReferences"/>). Requests per second for all three, the ratios, p50/p99 latency, CPU per request,
/// the SQLite commands per autosave, and Little's law for the latency target. A temp SQLite file by default;
/// with <c>--database "&lt;PostgreSQL admin connection string&gt;"</c> a fresh PostgreSQL database (dropped afterwards), the
/// service and the bare insert both on it.
/// </summary>
internal static class AutosaveBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var seconds = options.Int("seconds", 30);
        var clients = options.Int("clients", 64);
        var folder = Path.Combine(Path.GetTempPath(), "audit-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        await using var postgres = options.Postgres is { } admin ? await BenchDatabase.CreateAsync(admin) : null;
        var engine = postgres is null ? "SQLite" : "PostgreSQL";
        try
        {
            // WebApplicationFactory looks for the project folder; the bench runs from its output folder instead.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_AUDIT_API", AppContext.BaseDirectory);
            await using var app = new BenchApp(folder, postgres?.ConnectionString);
            using var bareClient = app.CreateClient();
            Task<HttpResponseMessage> Bare(int client, int n) =>
                bareClient.PostAsync(new Uri(AutosaveReferences.BarePath, UriKind.Relative), new StringContent($$"""{"n":{{n}}}""", Encoding.UTF8, "application/json"));

            var targets = await PrepareParticipationsAsync(app, clients);
            app.References.Targets = [.. targets.Select(t => (t.ParticipationId, t.OtherKey))];
            Task<HttpResponseMessage> Repository(int client, int n) =>
                bareClient.PostAsync(new Uri($"{AutosaveReferences.RepositoryPath}/{client}", UriKind.Relative), null);
            // Each client edits its own answer, so every PUT names the version it saw last (the ETag of its previous
            // save). A first PUT without If-Match is answered 428 with the current version's ETag.
            var etags = new string?[clients];
            async Task<HttpResponseMessage> Put(int client, int n)
            {
                var t = targets[client];
                var response = await PutAsync(t.Client, t.ParticipationId, t.Key, n, etags[client]);
                etags[client] = response.Headers.ETag?.Tag ?? etags[client];
                return response;
            }
            for (var c = 0; c < clients; c++)
            {
                using var first = await Put(c, 0);
                if (first.StatusCode != HttpStatusCode.PreconditionRequired || etags[c] is null)
                {
                    throw new InvalidOperationException($"autosave set-up: expected 428 with an ETag for client {c}, got {(int)first.StatusCode}.");
                }
            }
            var warmUp = Math.Min(3, seconds);
            await LoadAsync(new Tally(), clients, warmUp, Bare);
            await LoadAsync(new Tally(), clients, warmUp, Repository);
            await LoadAsync(new Tally(), clients, warmUp, Put);
            // Alternating slices: on a shared machine the load changes by the minute, and all three should see the same.
            var slice = Math.Max(1, options.Int("slice", 5));
            Console.WriteLine($"autosave: {clients} clients, {seconds} s each in alternating {slice} s slices, after a {warmUp} s warm-up of each; " +
                $"same process, same {engine} database");
            var bare = new Tally();
            var repository = new Tally();
            var autosave = new Tally();
            long commands = 0;
            for (var done = 0; done < seconds; done += slice)
            {
                var length = Math.Min(slice, seconds - done);
                await LoadAsync(bare, clients, length, Bare);
                await LoadAsync(repository, clients, length, Repository);
                Console.Error.WriteLine("  measuring autosave"); // a cue for a profiler attached from outside
                var before = Interlocked.Read(ref app.Commands.Value);
                await LoadAsync(autosave, clients, length, Put);
                commands += Interlocked.Read(ref app.Commands.Value) - before;
            }
            Print($"bare endpoint (one {engine} insert)", bare, clients, seconds);
            Print("repository write alone (the autosave's SQL, no HTTP pipeline)", repository, clients, seconds);
            Print("PUT answers (autosave)", autosave, clients, seconds);
            // Every command on the service's connections while the PUTs ran, over the PUTs: the token cache's reloads
            // (every 5 s per token) and the revocation sequence (once a second) are in it, spread over the requests.
            var statements = postgres is null ? Measure.F((double)commands / autosave.Latencies.Count, "F2") : "not counted on PostgreSQL";
            Console.WriteLine($"ratio autosave/bare: {Measure.F(autosave.Rps / bare.Rps * 100, "F0")}% (target >= 50%); repository/bare " +
                $"{Measure.F(repository.Rps / bare.Rps * 100, "F0")}%, autosave/repository {Measure.F(autosave.Rps / repository.Rps * 100, "F0")}%; " +
                $"autosave p50 {Measure.Ms(autosave.P50)}, p99 {Measure.Ms(autosave.P99)} (target <= 50 ms); " +
                $"SQLite commands per autosave: {statements}; CPU per request autosave/bare: {Measure.F(autosave.CpuMsPerRequest / bare.CpuMsPerRequest, "F1")}×");
            // Little's law: with every client sending again as soon as it is answered, mean latency = clients / throughput.
            Console.WriteLine($"Little's law: mean latency {Measure.Ms(clients * 1000.0 / autosave.Rps)} = {clients} clients / {Measure.F(autosave.Rps)} req/s; " +
                $"a mean of 50 ms would need {Measure.F(clients / 0.050)} req/s, {Measure.F(clients / 0.050 / autosave.Rps, "F1")}× this run's");
            return autosave.Failures == 0 && bare.Failures == 0 && repository.Failures == 0 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* temp folder */ }
        }
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string participationId, string key, int n, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/v1/participations/{participationId}/answers/{key}", UriKind.Relative))
        {
            Content = new StringContent($$"""{"value":{{n % 6}},"comment":"autosave {{n}}"}""", Encoding.UTF8, "application/json"),
        };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }
        return client.SendAsync(request);
    }

    /// <summary>Everything measured for one endpoint, over all its slices.</summary>
    private sealed class Tally
    {
        public List<double> Latencies { get; } = [];

        public Dictionary<int, long> Statuses { get; } = [];

        public double Seconds { get; set; }

        /// <summary>This process's CPU time while the endpoint was loaded: per request, it hardly depends on what else runs.</summary>
        public double CpuSeconds { get; set; }

        public double CpuMsPerRequest => CpuSeconds * 1000 / Latencies.Count;

        public long Failures => Statuses.Where(s => s.Key >= 400).Sum(s => s.Value);

        public double Rps => Latencies.Count / Seconds;

        public double P50 => Measure.Percentile([.. Latencies.Order()], 50);

        public double P99 => Measure.Percentile([.. Latencies.Order()], 99);
    }

    private static async Task LoadAsync(Tally tally, int clients, int seconds, Func<int, int, Task<HttpResponseMessage>> send)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var latencies = new List<double>[clients];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            var n = tally.Latencies.Count + 1;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await send(c, (c * 1_000_000) + n++);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                lock (tally)
                {
                    tally.Statuses[(int)response.StatusCode] = tally.Statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                }
            }
        })));
        tally.Seconds += watch.Elapsed.TotalSeconds;
        tally.CpuSeconds += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        tally.Latencies.AddRange(latencies.SelectMany(l => l));
    }

    private static void Print(string name, Tally r, int clients, int seconds) =>
        Console.WriteLine($"{name}: {clients} clients × {seconds} s: {Measure.F(r.Rps)} req/s, p50 {Measure.Ms(r.P50)}, p99 {Measure.Ms(r.P99)}, " +
            $"CPU {Measure.F(r.CpuMsPerRequest, "F2")} ms/request, {r.Latencies.Count} requests, statuses {string.Join(" ", r.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");

    /// <param name="OtherKey">The question the repository reference writes, so the PUT's ETag stays its own.</param>
    private sealed record Target(HttpClient Client, string ParticipationId, string Key, string OtherKey);

    /// <summary>One open participation and respondent per client: a generated round, reopened for editing.</summary>
    private static async Task<List<Target>> PrepareParticipationsAsync(BenchApp app, int clients)
    {
        var factory = (IDbConnectionFactory)app.Services.GetService(typeof(IDbConnectionFactory))!;
        var catalog = (QuestionnaireCatalog)app.Services.GetService(typeof(QuestionnaireCatalog))!;
        var questionnaire = (await catalog.GetAsync("kennisveiligheid", "2023"))!;
        var generated = await new SyntheticRoundGenerator(factory).GenerateAsync(new GenerationRequest(clients, 1, "bench-autosave"), questionnaire);
        await using (var connection = await factory.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE rounds SET status = 'open' WHERE id = @id", new { id = generated.RoundId });
            await connection.ExecuteAsync("UPDATE participations SET status = 'in_progress', accepted_at = NULL, submitted_at = NULL WHERE round_id = @id",
                new { id = generated.RoundId });
        }
        var maturity = questionnaire.AllQuestions.Where(q => q.Type == Core.Questionnaires.QuestionType.Maturity).Select(q => q.Key).Take(2).ToList();
        var key = maturity[0];
        var users = (IUserRepository)app.Services.GetService(typeof(IUserRepository))!;
        var targets = new List<Target>();
        for (var i = 0; i < clients; i++)
        {
            var (institutionId, _) = SyntheticRoundGenerator.InstitutionAt(i);
            var now = DateTimeOffset.UtcNow;
            var token = AccessTokens.NewToken();
            var user = new User(AccessTokens.NewId("u_"), $"Bench {i}", $"bench{i}@bench.local", Role.Respondent, institutionId, true, now);
            await users.InsertWithTokenAsync(user, new StoredToken(AccessTokens.NewId("t_"), user.Id, TokenKind.PersonalAccessToken, AccessTokens.Hash(token), now, now.AddHours(2)),
                Actor.System.Did("user.created", "user", user.Id, now));
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            targets.Add(new Target(client, SyntheticRoundGenerator.ParticipationId(generated.RoundId, institutionId), key, maturity[1]));
        }
        return targets;
    }

    /// <summary>
    /// The whole service, plus the bare endpoint: on SQLite a temp file for the service and its own file (WAL, same
    /// settings) for the insert; on PostgreSQL one database for both, the insert into a table of its own.
    /// </summary>
    private sealed class BenchApp(string folder, string? postgres) : WebApplicationFactory<Program>
    {
        /// <summary>Commands sent to the service's SQLite database (not counted on PostgreSQL).</summary>
        public StrongBox<long> Commands { get; } = new();

        public AutosaveReferences References { get; private set; } = null!;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", postgres is null ? "sqlite" : "postgres");
            builder.UseSetting("Database:ConnectionString", postgres ?? $"Data Source={Path.Combine(folder, "audit.db")}");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // The per-user limit (600 a minute) is for people; each bench client is one user saving as fast as it can.
            // The limiter stays in the pipeline and is measured, it just never refuses.
            builder.UseSetting("Audit:RequestsPerMinute", "1000000");
            var bare = postgres is null
                ? new DbConnectionFactory(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bare.db")}")
                : new DbConnectionFactory(DatabaseProvider.Postgres, postgres);
            using (var connection = bare.Create())
            {
                connection.Open();
                connection.Execute(postgres is null
                    ? "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS bare (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at TEXT NOT NULL)"
                    : "CREATE TABLE IF NOT EXISTS bench_bare (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL)");
            }
            var insert = postgres is null ? "INSERT INTO bare (body, at) VALUES (@body, @at)" : "INSERT INTO bench_bare (body, at) VALUES (@body, @at)";
            References = new AutosaveReferences(bare, insert);
            var service = $"Data Source={Path.Combine(folder, "audit.db")}";
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IStartupFilter>(References);
                if (postgres is null)
                {
                    services.AddSingleton(_ => new DbConnectionFactory(DatabaseProvider.Sqlite, service, cs => new CountingSqliteConnection(cs, Commands)));
                }
            });
        }
    }
}
