using System.Globalization;

namespace Audit.Benchmarks;

/// <summary>--sizes 500,5000,20000 · --runs 3 · --seed 42 · --seconds 30 · --clients 64 · --reports 5000 · --database &lt;PostgreSQL connection string&gt;.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchOptions(IEnumerable<string> args)
    {
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                _values[name] = "";
            }
            else if (name is not null)
            {
                _values[name] = arg;
                name = null;
            }
        }
    }

    public int[] Sizes(params int[] defaults) => _values.TryGetValue("sizes", out var s)
        ? s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray() : defaults;

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var s) && int.TryParse(s, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    /// <summary>PostgreSQL admin connection string; null means a temp SQLite file.</summary>
    public string? Postgres => _values.GetValueOrDefault("database") is { Length: > 0 } cs ? cs : null;
}
