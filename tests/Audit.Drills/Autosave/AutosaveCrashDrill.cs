using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Core.Synthetic;
using Audit.Data.Connections;
using Audit.Drills.Aggregation;
using Dapper;

namespace Audit.Drills.Autosave;

/// <summary>
/// Concurrent autosave clients record every PUT acknowledged with 200 and its ETag; the service is killed with
/// SIGKILL ten times at random moments and restarted. Afterwards every acknowledged write must be in the history
/// with its version and comment, no answer may be older than what was acknowledged, and SQLite must pass
/// PRAGMA integrity_check. On SQLite always; on PostgreSQL when AUDIT_TEST_POSTGRES is set.
/// </summary>
public sealed class AutosaveCrashDrill : IDrill
{
    private const int Kills = 10;
    private const int Clients = 8;
    private const int KeysPerClient = 3;

    public string Name => "autosave-crash";

    public string Description => $"{Clients} autosave clients, kill -9 the service {Kills} times (SQLite, and PostgreSQL when configured)";

    public async Task<string> RunAsync(DrillSettings settings, DrillLog log)
    {
        var outcomes = new List<string> { await RunOnAsync(DatabaseProvider.Sqlite, settings, log) };
        if (DrillDatabase.PostgresAdmin is null)
        {
            log.Line("PostgreSQL: skipped, AUDIT_TEST_POSTGRES is not set");
        }
        else
        {
            outcomes.Add(await RunOnAsync(DatabaseProvider.Postgres, settings, log));
        }
        return outcomes.All(o => o.StartsWith("skipped", StringComparison.Ordinal)) ? outcomes[0] : "passed";
    }

    private static async Task<string> RunOnAsync(DatabaseProvider provider, DrillSettings settings, DrillLog log)
    {
        var work = settings.WorkDir("autosave-" + provider.ToString().ToLowerInvariant());
        var random = new Random(settings.Seed);
        await using var database = await DrillDatabase.CreateAsync(provider, work);
        var service = new ServiceBox(await ServiceProcess.StartAsync(settings, database, work));
        try
        {
            using var admin = service.Current.Client();
            var openApi = await DrillApi.GetAsync(admin, "/api/v1/openapi.json");
            if (!openApi.GetProperty("paths").TryGetProperty("/participations/{participationId}/answers/{questionKey}", out var put) || !put.TryGetProperty("put", out _))
            {
                return "skipped: endpoint not available (PUT /participations/{participationId}/answers/{questionKey})";
            }
            var institutions = (await DrillApi.GetAsync(admin, "/api/v1/institutions?type=universiteit&pageSize=50")).GetProperty("items")
                .EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Take(Clients).ToList();
            var participations = await DrillApi.OpenRoundAsync(admin, "drill-autosave", new { institutionIds = institutions });
            var questionnaire = await new SectorData(database.Factory).QuestionnaireAsync();
            var questions = questionnaire.Themes.SelectMany(t => t.Questions).ToList();
            var writers = new List<AutosaveClient>();
            for (var c = 0; c < institutions.Count; c++)
            {
                var (_, token, _) = await DrillApi.RespondentAsync(admin, institutions[c], $"autosave-{c}@example.org");
                var keys = questions.Skip(c * KeysPerClient % Math.Max(1, questions.Count - KeysPerClient)).Take(KeysPerClient).ToList();
                writers.Add(new AutosaveClient(c, service, token, participations[institutions[c]], keys, settings.Seed));
            }

            using var stop = new CancellationTokenSource();
            var running = writers.Select(w => Task.Run(() => w.RunAsync(stop.Token))).ToList();
            for (var kill = 1; kill <= Kills; kill++)
            {
                await Task.Delay(random.Next(300, 1500));
                var acknowledged = writers.Sum(w => w.Acknowledged.Count);
                var old = service.Current;
                old.KillHard();
                await old.DisposeAsync();
                service.Current = await ServiceProcess.StartAsync(settings, database, work);
                log.Line($"{database.ProviderName} kill {kill}: pid {old.Pid} killed with {acknowledged} writes acknowledged so far; restarted as {service.Current.Pid}");
            }
            await Task.Delay(500);
            await stop.CancelAsync();
            await Task.WhenAll(running);

            var acks = writers.SelectMany(w => w.Acknowledged).ToList();
            var verified = 0;
            var failures = new List<string>();
            foreach (var writer in writers)
            {
                using var client = service.Current.Client(writer.Token);
                foreach (var key in writer.Keys)
                {
                    var history = await DrillApi.GetAsync(client, $"/api/v1/participations/{writer.ParticipationId}/answers/{key.Key}/history");
                    var versions = history.GetProperty("versions").EnumerateArray()
                        .ToDictionary(v => v.GetProperty("version").GetInt32(), v => v.TryGetProperty("comment", out var cm) ? cm.GetString() : null);
                    var latest = versions.Count == 0 ? 0 : versions.Keys.Max();
                    foreach (var ack in writer.Acknowledged.Where(a => a.QuestionKey == key.Key))
                    {
                        if (!versions.TryGetValue(ack.Version, out var comment) || comment != ack.Comment)
                        {
                            failures.Add($"{writer.ParticipationId}/{key.Key} version {ack.Version} ('{ack.Comment}') was acknowledged but is not in the history");
                        }
                        else if (latest < ack.Version)
                        {
                            failures.Add($"{writer.ParticipationId}/{key.Key} is at version {latest}, older than the acknowledged {ack.Version}");
                        }
                        else
                        {
                            verified++;
                        }
                    }
                }
            }
            var errors = writers.Sum(w => w.TransportErrors);
            var serverErrors = writers.SelectMany(w => w.ServerErrors).ToList();
            log.Line($"{database.ProviderName}: {Kills} kills, {acks.Count} writes acknowledged, {verified} verified in the history, "
                + $"{errors} cut off by a kill, {writers.Sum(w => w.Resyncs)} resyncs after an unacknowledged write, {serverErrors.Count} 5xx");
            service.Current.KillHard();
            if (provider == DatabaseProvider.Sqlite)
            {
                await using var connection = await database.Factory.OpenAsync();
                var integrity = string.Join("; ", await connection.QueryAsync<string>("PRAGMA integrity_check"));
                log.Line($"sqlite: PRAGMA integrity_check → {integrity}");
                if (integrity != "ok")
                {
                    failures.Add("PRAGMA integrity_check: " + integrity);
                }
            }
            failures.AddRange(serverErrors.Take(5));
            if (acks.Count == 0)
            {
                failures.Add("no write was acknowledged at all");
            }
            if (failures.Count > 0)
            {
                throw new DrillFailure($"{database.ProviderName}: {failures.Count} problem(s):{Environment.NewLine}      " + string.Join(Environment.NewLine + "      ", failures.Take(15)));
            }
            return "passed";
        }
        finally
        {
            await service.Current.DisposeAsync();
        }
    }
}

/// <summary>The service of the moment: replaced after each kill, read by every client before each request.</summary>
public sealed class ServiceBox(ServiceProcess current)
{
    private volatile ServiceProcess _current = current;

    public ServiceProcess Current { get => _current; set => _current = value; }
}

public sealed record Acknowledgement(string QuestionKey, int Version, string Comment);

/// <summary>
/// One respondent autosaving its own answers: If-Match with the last version it saw, so another client never
/// interferes; after a write whose answer never came (the kill), it reads the answer back before going on.
/// </summary>
public sealed class AutosaveClient(int number, ServiceBox service, string token, string participationId,
    IReadOnlyList<Audit.Core.Questionnaires.Question> keys, int seed)
{
    private readonly Dictionary<string, int?> _versions = keys.ToDictionary(k => k.Key, _ => (int?)null);

    public string Token => token;

    public string ParticipationId => participationId;

    public IReadOnlyList<Audit.Core.Questionnaires.Question> Keys => keys;

    public ConcurrentBag<Acknowledgement> Acknowledged { get; } = [];

    public ConcurrentBag<string> ServerErrors { get; } = [];

    public int TransportErrors { get; private set; }

    public int Resyncs { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        var random = new Random(seed * 31 + number);
        var synthetic = new SyntheticAnswers(seed + number);
        var n = 0;
        var unsure = new HashSet<string>();
        while (!stop.IsCancellationRequested)
        {
            var question = keys[random.Next(keys.Count)];
            var process = service.Current;
            using var client = process.Client(token, TimeSpan.FromSeconds(10));
            try
            {
                if (unsure.Contains(question.Key))
                {
                    await ResyncAsync(client, question.Key);
                    unsure.Remove(question.Key);
                }
                var comment = $"client {number} write {++n}";
                using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/participations/{participationId}/answers/{question.Key}")
                {
                    Content = JsonContent.Create(new { value = JsonDocument.Parse(synthetic.For(question).ToJsonString()).RootElement, comment }),
                };
                if (_versions[question.Key] is { } version)
                {
                    request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
                }
                using var response = await client.SendAsync(request, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK:
                        var saved = int.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
                        Acknowledged.Add(new Acknowledgement(question.Key, saved, comment));
                        _versions[question.Key] = saved;
                        break;
                    case HttpStatusCode.PreconditionFailed or HttpStatusCode.PreconditionRequired:
                        unsure.Add(question.Key); // an earlier write committed but its answer was lost in a kill
                        break;
                    case >= HttpStatusCode.InternalServerError when process.KillRequested:
                        break;
                    case >= HttpStatusCode.InternalServerError:
                        ServerErrors.Add($"PUT {question.Key}: {(int)response.StatusCode} {body}");
                        break;
                    default:
                        ServerErrors.Add($"PUT {question.Key}: unexpected {(int)response.StatusCode} {body}");
                        break;
                }
            }
            catch (DrillFailure failure) when (!process.KillRequested)
            {
                ServerErrors.Add("reading back: " + failure.Message);
                await Task.Delay(100, CancellationToken.None);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or DrillFailure)
            {
                // Killed while the write was in flight: it may or may not have committed, so read it back first.
                TransportErrors++;
                unsure.Add(question.Key);
                while (!stop.IsCancellationRequested && ReferenceEquals(process, service.Current))
                {
                    await Task.Delay(50, CancellationToken.None);
                }
            }
        }
    }

    private async Task ResyncAsync(HttpClient client, string key)
    {
        Resyncs++;
        var answers = await DrillApi.GetAsync(client, $"/api/v1/participations/{participationId}/answers");
        _versions[key] = answers.GetProperty("answers").EnumerateArray()
            .Where(a => a.GetProperty("questionKey").GetString() == key)
            .Select(a => (int?)a.GetProperty("version").GetInt32()).FirstOrDefault();
    }
}
