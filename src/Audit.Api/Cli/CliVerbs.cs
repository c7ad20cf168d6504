using Audit.Api.Database;
using Audit.Data.Migrations;

namespace Audit.Api.Cli;

/// <summary>
/// Shell verbs on the same configuration as the service: <c>migrate</c>, <c>seed</c>,
/// <c>tokens create</c> and <c>generate</c>. They build the host but never start the web server or job workers.
/// </summary>
public static class CliVerbs
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private static readonly string[] Verbs = ["migrate", "seed", "tokens", "generate"];

    /// <summary>Rewrites shell shorthands into configuration keys; called before the host reads its arguments.</summary>
    public static string[] ExpandShorthands(string[] args) => IsVerb(args) ? GenerateVerb.ExpandDatabaseShorthand(args) : args;

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            switch (args[0])
            {
                case "migrate":
                    DatabaseInitializer.Migrate(app.Services.GetRequiredService<DatabaseMigrator>(),
                        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Audit.Data.Connections.DatabaseOptions>>().Value);
                    await output.WriteLineAsync("Database is up to date.");
                    return Ok;
                case "seed":
                    await app.Services.GetRequiredService<DatabaseInitializer>().RunAsync(CancellationToken.None);
                    await output.WriteLineAsync("Database migrated and seeded.");
                    return Ok;
                case "tokens" when args.Length > 1 && args[1] == "create":
                    return await TokensCreateVerb.RunAsync(app.Services, args[2..], output, error);
                case "generate":
                    return await GenerateVerb.RunAsync(app.Services, args[1..], output, error);
                default:
                    await error.WriteLineAsync(UsageText);
                    return Usage;
            }
        }
        catch (MigrationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return Failed;
        }
    }

    public const string UsageText = """
        Usage: dotnet run --project src/Audit.Api -- <verb> [options]
          migrate                                   apply pending database migrations
          seed                                      migrate, then load the shipped questionnaires and institution registry
          tokens create --user <id> [--expires-in-days <n>]
          tokens create --role <role> [--institution <id>] [--name <name>] [--email <email>] [--expires-in-days <n>]
                                                    create a personal access token (and the user, when --role is given)
          generate --institutions <n> [--seed <s>] [--round-id <id>]
                                                    bulk-write a synthetic round of n accepted institutions (benchmarks, demos)
        Configuration as for the service, e.g. --Database:Provider postgres --Database:ConnectionString "...",
        or the shorthand --database "<connection string>" (provider read from its shape).
        """;
}
