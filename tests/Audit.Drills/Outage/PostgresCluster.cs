using System.Diagnostics;
using Npgsql;

namespace Audit.Drills.Outage;

/// <summary>The local PostgreSQL cluster that serves AUDIT_TEST_POSTGRES, found by its port, stopped and started with pg_ctlcluster.</summary>
public sealed record PostgresCluster(string Version, string Name, int Port)
{
    public static PostgresCluster? Find(string connectionString)
    {
        var port = new NpgsqlConnectionStringBuilder(connectionString).Port;
        var (code, output) = Run("pg_lsclusters", "-h");
        if (code != 0)
        {
            return null;
        }
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 3 && int.TryParse(f[2], out var p) && p == port)
            .Select(f => new PostgresCluster(f[0], f[1], port))
            .FirstOrDefault();
    }

    public void Stop() => Control("stop", "-m", "fast");

    public void Start() => Control("start");

    private void Control(params string[] action)
    {
        var (code, output) = Run("pg_ctlcluster", [Version, Name, .. action]);
        if (code != 0)
        {
            throw new DrillFailure($"pg_ctlcluster {Version} {Name} {string.Join(' ', action)} failed ({code}): {output}");
        }
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit(60_000);
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
