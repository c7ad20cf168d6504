using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Audit.Drills;

/// <summary>
/// The service as a child process on a free loopback port: it can be killed with SIGKILL and started
/// again on the same database, which is the whole point of a crash drill.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public const string AdminToken = "drill-admin-token-0123456789abcdefghijklmnop";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<(long Index, string Line)> _numbered = new();
    private long _lines;
    private int _errorCount;
    private string? _errorHeading;

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        Pid = process.Id;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Pid { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Set just before the kill, so a request the kill cut off is not counted as the service's failure.</summary>
    public bool KillRequested { get; private set; }

    /// <summary>Every line the service wrote, newest last (for diagnosing a failed drill).</summary>
    public IReadOnlyCollection<string> Output => _output;

    public static async Task<ServiceProcess> StartAsync(DrillSettings settings, DrillDatabase database, string workDir,
        IEnumerable<string>? extraArgs = null, TimeSpan? readyTimeout = null)
    {
        Directory.CreateDirectory(workDir);
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            settings.ApiDll, "--urls", $"http://127.0.0.1:{port}",
            "--Database:Provider", database.ProviderName, "--Database:ConnectionString", database.ConnectionString,
            "--Audit:BootstrapAdminToken", AdminToken, "--Audit:RequestsPerMinute", "1000000",
            "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Audit", "Information",
        }.Concat(extraArgs ?? []))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the service.");
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            // Not ready in time, or exited: no caller holds it yet, so it must not outlive this failure.
            await service.DisposeAsync();
            throw;
        }
        return service;
    }

    public HttpClient Client(string? token = AdminToken, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what the database has committed is all that survives.</summary>
    public void KillHard()
    {
        KillRequested = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }
        _process.WaitForExit(10_000);
    }

    /// <summary>
    /// Log entries the service wrote at Error or Critical level, counted as
    /// they arrive because <see cref="Output"/> keeps only the newest lines; the first few are kept to show.
    /// </summary>
    public int ErrorLogCount => Volatile.Read(ref _errorCount);

    public IReadOnlyCollection<string> FirstErrorLogs => _errors;

    public bool SawOutput(string fragment) => _output.Any(line => line.Contains(fragment, StringComparison.Ordinal));

    /// <summary>How many lines the service has written so far: a mark for <see cref="SawOutputSince"/>.</summary>
    public long OutputMark => Interlocked.Read(ref _lines);

    /// <summary>Whether a line written after <paramref name="mark"/> contains <paramref name="fragment"/> (of the newest 2000 lines).</summary>
    public bool SawOutputSince(long mark, string fragment) =>
        _numbered.Any(entry => entry.Index >= mark && entry.Line.Contains(fragment, StringComparison.Ordinal));

    /// <summary>How many lines written after <paramref name="mark"/> contain <paramref name="fragment"/> (of the newest 2000 lines).</summary>
    public int CountOutputSince(long mark, string fragment) =>
        _numbered.Count(entry => entry.Index >= mark && entry.Line.Contains(fragment, StringComparison.Ordinal));

    /// <summary>Waits until the service has written a line containing <paramref name="fragment"/>; false on timeout or exit.</summary>
    public async Task<bool> WaitForOutputAsync(string fragment, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && !_process.HasExited)
        {
            if (SawOutput(fragment))
            {
                return true;
            }
            await Task.Delay(5);
        }
        return SawOutput(fragment);
    }

    public string Tail(int lines = 30) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        _numbered.Enqueue((Interlocked.Increment(ref _lines) - 1, line));
        if (_errorHeading is { } heading)
        {
            // The simple console format puts the category on one line and the message on the next.
            _errors.Enqueue(heading + " " + line.Trim());
            _errorHeading = null;
        }
        if (IsErrorEntry(line) && Interlocked.Increment(ref _errorCount) <= 5)
        {
            if (line.StartsWith('{'))
            {
                _errors.Enqueue(line);
            }
            else
            {
                _errorHeading = line;
            }
        }
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
        while (_numbered.Count > 2000 && _numbered.TryDequeue(out _))
        {
        }
    }

    /// <summary>The console log's first line of an Error or Critical entry, in the simple or the JSON format.</summary>
    private static bool IsErrorEntry(string line) =>
        line.StartsWith("fail: ", StringComparison.Ordinal) || line.StartsWith("crit: ", StringComparison.Ordinal)
        || line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal);

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new DrillFailure($"The service exited with code {_process.ExitCode} during start-up:{Environment.NewLine}{Tail()}");
            }
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new DrillFailure($"The service was not ready within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Tail()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
