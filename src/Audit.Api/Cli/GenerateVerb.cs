using System.Diagnostics;
using System.Globalization;
using Audit.Api.Database;
using Audit.Api.Questionnaires;
using Audit.Application.Questionnaires;
using Audit.Core.Institutions;
using Audit.Data.Bulk;
using Audit.Data.Connections;

namespace Audit.Api.Cli;

/// <summary>
/// <c>generate --institutions N --seed S [--round-id ID]</c>: a synthetic, fully accepted round on the shipped 2023
/// questionnaire, written with the engine's bulk path. For benchmarks and demos; never for a production database.
/// </summary>
internal static class GenerateVerb
{
    public const string QuestionnaireKey = "kennisveiligheid";
    public const string QuestionnaireVersion = "2023";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var options = TokensCreateVerb.ParseOptions(args);
        if (options is null
            || !TryPositive(options, "institutions", out var institutions)
            || !int.TryParse(options.GetValueOrDefault("seed", "42"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            await error.WriteLineAsync(CliVerbs.UsageText);
            return CliVerbs.Usage;
        }
        await services.GetRequiredService<DatabaseInitializer>().RunAsync(CancellationToken.None);
        var questionnaire = await services.GetRequiredService<QuestionnaireCatalog>().GetAsync(QuestionnaireKey, QuestionnaireVersion);
        if (questionnaire is null)
        {
            await error.WriteLineAsync($"The shipped questionnaire {QuestionnaireKey} {QuestionnaireVersion} is not in the database.");
            return CliVerbs.Failed;
        }
        var factory = services.GetRequiredService<IDbConnectionFactory>();
        var watch = Stopwatch.StartNew();
        GenerationResult result;
        try
        {
            result = await new SyntheticRoundGenerator(factory).GenerateAsync(
                new GenerationRequest(institutions, seed, options.GetValueOrDefault("round-id")), questionnaire);
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return CliVerbs.Failed;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"round: {result.RoundId} ({factory.Dialect.Provider.FolderName()})"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"institutions: {institutions} ({result.InstitutionsCreated} created, {result.InstitutionsReused} reused): {string.Join(", ", result.PerType.OrderBy(p => p.Key).Select(p => $"{p.Key.ToWireName()} {p.Value}"))}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"accepted participations: {result.Participations}, answers: {result.Answers}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"time: {seconds:F1} s ({result.Answers / Math.Max(seconds, 0.001):F0} answers/s); sector views are marked dirty for the sweep."));
        return CliVerbs.Ok;
    }

    private static bool TryPositive(Dictionary<string, string> options, string name, out int value) =>
        int.TryParse(options.GetValueOrDefault(name), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    /// <summary>
    /// <c>--database &lt;connection string&gt;</c> becomes the two configuration keys, the provider read from the string's
    /// shape (Host= is PostgreSQL, Server= or Initial Catalog= is SQL Server, anything else a SQLite file). An explicit
    /// --Database:Provider wins.
    /// </summary>
    public static string[] ExpandDatabaseShorthand(string[] args)
    {
        var index = Array.IndexOf(args, "--database");
        if (index < 0 || index + 1 >= args.Length)
        {
            return args;
        }
        var connectionString = args[index + 1];
        var expanded = args.Take(index).Concat(args.Skip(index + 2)).ToList();
        expanded.AddRange(["--Database:ConnectionString", connectionString]);
        if (!args.Contains("--Database:Provider", StringComparer.OrdinalIgnoreCase))
        {
            expanded.AddRange(["--Database:Provider", ProviderOf(connectionString)]);
        }
        return [.. expanded];
    }

    private static string ProviderOf(string connectionString)
    {
        var lower = connectionString.ToLowerInvariant();
        return lower.Contains("host=", StringComparison.Ordinal) ? "postgres"
            : lower.Contains("server=", StringComparison.Ordinal) || lower.Contains("initial catalog=", StringComparison.Ordinal) ? "sqlserver"
            : "sqlite";
    }
}
