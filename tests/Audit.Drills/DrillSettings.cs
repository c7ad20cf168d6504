namespace Audit.Drills;

/// <summary>Command line: <c>[--api path/to/Audit.Api.dll] [--seed n] [--only name[,name]]</c>.</summary>
public sealed record DrillSettings(string ApiDll, int Seed, IReadOnlySet<string> Only, string WorkRoot)
{
    public static DrillSettings Parse(string[] args)
    {
        string? api = null;
        var seed = 9;
        var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--api": api = value; i++; break;
                case "--seed": seed = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); i++; break;
                case "--only": only.UnionWith(value.Split(',', StringSplitOptions.RemoveEmptyEntries)); i++; break;
                default: throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }
        api ??= DefaultApiDll();
        if (!File.Exists(api))
        {
            throw new ArgumentException($"The service is not built: {api} does not exist.");
        }
        var work = Path.Combine(Path.GetTempPath(), "audit-drills", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new DrillSettings(Path.GetFullPath(api), seed, only, work);
    }

    /// <summary>The service built next to these drills: same configuration, src/Audit.Api/bin/&lt;config&gt;/net10.0.</summary>
    private static string DefaultApiDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Audit.sln")))
        {
            dir = dir.Parent;
        }
        if (dir is null)
        {
            throw new ArgumentException("Cannot find Audit.sln above the drills; pass --api.");
        }
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<config>/net10.0/
        return Path.Combine(dir.FullName, "src", "Audit.Api", "bin", configuration, "net10.0", "Audit.Api.dll");
    }

    public string WorkDir(string drill) => Path.Combine(WorkRoot, drill);
}
