namespace Audit.Benchmarks;

/// <summary>dotnet run -c Release --project tests/Audit.Benchmarks -- &lt;recompute|incremental|autosave|reports&gt; [options]</summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var benchmark = args.FirstOrDefault();
        var options = new BenchOptions(args.Skip(1));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        switch (benchmark)
        {
            case "recompute":
                return await RecomputeVersusDuckDb.RunAsync(options);
            case "recompute-groupby":
                await RecomputeBench.RunFullAsync(options);
                return 0;
            case "incremental":
                await RecomputeBench.RunIncrementalAsync(options);
                return 0;
            case "autosave":
                return await AutosaveBench.RunAsync(options);
            case "recompute-sections":
                await RecomputeSections.RunAsync(options);
                return 0;
            case "sqlite-locks":
                await SqliteLockProbe.RunAsync(options);
                return 0;
            case "reports":
                await ReportsBench.RunAsync(options);
                return 0;
            default:
                Console.Error.WriteLine("""
                    usage: dotnet run -c Release --project tests/Audit.Benchmarks -- <benchmark> [options]
                      recompute    [--sizes 500,5000,20000] [--runs 3] [--seed 42] [--database <PostgreSQL admin connection string>]
                                   (against DuckDB, the same statistics; exit code 1 when any figure differs)
                      recompute-groupby [same options]   (the older reference: the engine's own GROUP BY)
                      incremental  [--sizes 5000] [--runs 5] [--database ...]
                      autosave     [--seconds 30] [--clients 64] [--database ...]
                      reports      [--reports 5000] [--runs 1] [--database ...]   (--runs repeats the both-cores pass)
                      recompute-sections [--sizes 5000] [--runs 3]   (diagnosis: where a full recompute spends its time)
                      sqlite-locks [--seconds 5] [--clients 64]   (diagnosis: busy handler, fsync per commit, writer queueing)
                    Without --database each run uses a fresh temp SQLite file; with it, a fresh PostgreSQL database that is dropped afterwards.
                    """);
                return 2;
        }
    }
}
