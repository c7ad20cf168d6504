using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Audit.Data.Connections;

namespace Audit.Drills.BadInput;

/// <summary>
/// 10,000 malformed requests from a fixed seed across every operation of the OpenAPI document, as admin,
/// respondent, anonymous and with a forged token, then the hand-made <see cref="HostileShapes"/> (each refused with a
/// 4xx), the zip-bomb memory check (<see cref="ZipBombMemory"/>) and the requests only a raw socket sends
/// (<see cref="RawHttpShapes"/>). No 5xx, every 4xx a complete problem+json, no data changed, and nothing in the
/// service's log at Error level: all of it is the client's fault.
/// </summary>
public sealed class BadInputDrill : IDrill
{
    public const int RequestCount = 10_000;

    public string Name => "bad-input";

    public string Description => $"{RequestCount:N0} malformed requests across every endpoint (SQLite)";

    public async Task<string> RunAsync(DrillSettings settings, DrillLog log)
    {
        var work = settings.WorkDir(Name);
        await using var database = await DrillDatabase.CreateAsync(DatabaseProvider.Sqlite, work);
        await using var service = await ServiceProcess.StartAsync(settings, database, work);
        using var admin = service.Client();

        var institutions = await DrillApi.GetAsync(admin, "/api/v1/institutions?type=universiteit&pageSize=5");
        var institutionId = institutions.GetProperty("items")[0].GetProperty("id").GetString()!;
        var (respondentId, respondentToken, tokenId) = await DrillApi.RespondentAsync(admin, institutionId, "bad-input@example.org");
        var participations = await DrillApi.OpenRoundAsync(admin, "drill-bad-input", new { institutionIds = new[] { institutionId } });
        var openApi = await DrillApi.GetAsync(admin, "/api/v1/openapi.json");
        var operations = ApiOperation.FromOpenApi(openApi);
        var ids = new KnownIds("admin", respondentId, institutionId, "drill-bad-input", participations[institutionId], tokenId);
        log.Line($"{operations.Count} operations in the OpenAPI document; respondent {respondentId}, participation {ids.ParticipationId}");

        var before = await database.SnapshotAsync();
        var requests = new MalformedRequestGenerator(operations, ids, settings.Seed).Generate(RequestCount).ToList();
        // The hand-made shapes of issue 16 come after the generated ones; none of them may be accepted.
        requests.AddRange(HostileShapes.All(ids, RequestCount));
        var histogram = new ConcurrentDictionary<string, int>();
        var byAttack = new ConcurrentDictionary<string, int>();
        var defects = new ConcurrentBag<string>();
        // One loopback source address per caller: the sign-in throttle counts failures per address, so the forged
        // tokens get their 429s without shutting the other callers out.
        var clients = Enum.GetValues<Caller>().ToDictionary(c => c, c => FromAddress(service.BaseAddress, $"127.0.0.{2 + (int)c}"));
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (request, ct) =>
        {
            var outcome = await SendAsync(clients[request.Caller], request, request.Caller switch
            {
                Caller.Admin => ServiceProcess.AdminToken,
                Caller.Respondent => respondentToken,
                Caller.ForgedToken => "forged-" + request.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "' OR '1'='1",
                _ => null,
            });
            if (request.Index >= RequestCount && outcome.Defect is null && outcome.Status.Length == 3 && outcome.Status[0] is '1' or '2' or '3')
            {
                outcome = outcome with { Defect = $"accepted ({outcome.Status}); a hostile shape must be refused with a 4xx" };
            }
            histogram.AddOrUpdate(outcome.Status, 1, (_, n) => n + 1);
            byAttack.AddOrUpdate($"{request.Attack} → {outcome.Status}", 1, (_, n) => n + 1);
            if (outcome.Defect is not null)
            {
                defects.Add($"{request}: {outcome.Defect}");
            }
        });
        foreach (var c in clients.Values)
        {
            c.Dispose();
        }
        log.Line($"sent {requests.Count:N0} requests in {watch.Elapsed.TotalSeconds:0.0} s (seed {settings.Seed})");
        log.Line("status histogram: " + string.Join(", ", histogram.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}: {h.Value}")));
        log.Line("by attack: " + string.Join(", ", byAttack.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key} ×{h.Value}")));

        var memory = await ZipBombMemory.CheckAsync(service, respondentToken, ids.ParticipationId);
        log.Line(memory.Summary);
        if (memory.Defect is not null)
        {
            defects.Add(memory.Defect);
        }

        var raw = await RawHttpShapes.SendAsync(service.BaseAddress,
            $"/api/v1/participations/{ids.ParticipationId}/answers/{HostileShapes.QuestionKey}/evidence", respondentToken);
        log.Line(raw.Summary);
        foreach (var defect in raw.Defects)
        {
            defects.Add(defect);
        }
        // Every refusal above is the client's fault: none may reach the log as an error (issue 16).
        log.Line($"service log: {service.ErrorLogCount} entries at Error or Critical level");
        foreach (var entry in service.FirstErrorLogs)
        {
            defects.Add("logged at Error: " + (entry.Length > 400 ? entry[..400] + "…" : entry));
        }

        var after = await database.SnapshotAsync();
        var changes = after.DifferencesFrom(before);
        log.Line($"database: {before.RowCounts.Count} tables and {before.AuditEvents.Count} audit events compared; {changes.Count} difference(s)");
        var problems = defects.OrderBy(d => d, StringComparer.Ordinal).Take(15).Concat(changes.Take(15)).ToList();
        if (problems.Count > 0)
        {
            throw new DrillFailure($"{defects.Count} bad response(s), {changes.Count} database change(s):{Environment.NewLine}      "
                + string.Join(Environment.NewLine + "      ", problems));
        }
        if (service.HasExited)
        {
            throw new DrillFailure("The service died during the drill:" + Environment.NewLine + service.Tail());
        }
        return "passed";
    }

    private static HttpClient FromAddress(Uri baseAddress, string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    private sealed record Outcome(string Status, string? Defect);

    private static HttpClient FreshClient(Uri baseAddress) => new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };

    private static async Task<Outcome> SendAsync(HttpClient client, MalformedRequest request, string? token, bool retried = false)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        if (token is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }
        try
        {
            using var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            string? defect = status switch
            {
                >= 500 => $"{status}: {Shorten(body)}",
                >= 400 when IsProtocolRejection(request, response, body) => null,
                // A page (outside /api) may refuse with its own HTML page, e.g. the theme page with the message at the field.
                >= 400 when !request.Path.StartsWith("/api/", StringComparison.Ordinal)
                    && response.Content.Headers.ContentType?.MediaType == "text/html" => null,
                >= 400 => DrillApi.ProblemDefect(response, body),
                _ => null,
            };
            var label = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Outcome(defect is null && status >= 400 && IsProtocolRejection(request, response, body) ? label + " (kestrel)" : label, defect);
        }
        catch (HttpRequestException) when (request.Attack == "oversized")
        {
            // Kestrel may answer 413 and close before the client has finished sending: the refusal is the point.
            return new Outcome("closed (oversized)", null);
        }
        catch (HttpRequestException) when (!retried)
        {
            // The pooled connection may have been closed by the server after an earlier refusal (Kestrel closes
            // after a 413 or a protocol error) just as this request was written to it. Once more, on a new connection.
            return await SendAsync(FreshClient(client.BaseAddress!), request, token, retried: true);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new Outcome("transport error", $"{ex.GetType().Name}: {ex.Message} {ex.InnerException?.Message}");
        }
    }

    /// <summary>
    /// Kestrel refuses a request line longer than its limit (414) or a target with a NUL byte (400) while parsing
    /// HTTP, before any application code runs, with an empty body. Such requests never reach an endpoint.
    /// </summary>
    private static bool IsProtocolRejection(MalformedRequest request, HttpResponseMessage response, string body) =>
        body.Length == 0 && response.Content.Headers.ContentType is null
        && (((int)response.StatusCode is 414 or 431 && request.Path.Length > 8000)
            || ((int)response.StatusCode == 400 && request.Path.Contains("%00", StringComparison.Ordinal)));

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
