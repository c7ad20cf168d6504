using System.Globalization;
using Audit.Api.Database;
using Audit.Core.AuditTrail;

namespace Audit.Api.Cli;

/// <summary><c>tokens create</c>: prints a new personal access token once; only its hash is stored.</summary>
internal static class TokensCreateVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var options = ParseOptions(args);
        if (options is null)
        {
            await error.WriteLineAsync(CliVerbs.UsageText);
            return CliVerbs.Usage;
        }
        await services.GetRequiredService<DatabaseInitializer>().RunAsync(CancellationToken.None);
        var users = services.GetRequiredService<IUserRepository>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        DateTimeOffset? expiresAt = options.TryGetValue("expires-in-days", out var days)
            && int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? now.AddDays(n) : now.AddDays(90);

        var token = AccessTokens.NewToken();
        User user;
        if (options.TryGetValue("user", out var userId))
        {
            var existing = await users.GetAsync(userId);
            if (existing is null)
            {
                await error.WriteLineAsync($"No user '{userId}'.");
                return CliVerbs.Failed;
            }
            user = existing;
            var stored = NewStoredToken(user.Id, token, now, expiresAt);
            await users.InsertTokenAsync(stored, Cli.Did("token.created", "token", stored.Id, now, $"user {user.Id} via CLI"));
        }
        else if (options.TryGetValue("role", out var roleName) && Roles.TryParse(roleName, out var role))
        {
            options.TryGetValue("institution", out var institutionId);
            if (role.IsInstitutionRole() != (institutionId is not null))
            {
                await error.WriteLineAsync(role.IsInstitutionRole()
                    ? $"Role '{roleName}' needs --institution." : $"Role '{roleName}' takes no --institution.");
                return CliVerbs.Usage;
            }
            var id = AccessTokens.NewId("u_");
            user = new User(id, options.GetValueOrDefault("name") ?? $"{roleName} {id}",
                options.GetValueOrDefault("email") ?? $"{id}@audit.local", role, institutionId, true, now);
            if (!await users.InsertWithTokenAsync(user, NewStoredToken(user.Id, token, now, expiresAt), Cli.Did("user.created", "user", user.Id, now, "with a token, via CLI")))
            {
                await error.WriteLineAsync($"A user with email '{user.Email}' already exists; use --user.");
                return CliVerbs.Failed;
            }
        }
        else
        {
            await error.WriteLineAsync("Give --user <id>, or --role admin|analyst|respondent|ministry.");
            return CliVerbs.Usage;
        }
        await output.WriteLineAsync($"user: {user.Id} ({user.Role.ToWireName()})");
        await output.WriteLineAsync($"expires: {expiresAt:O}");
        await output.WriteLineAsync($"token: {token}");
        return CliVerbs.Ok;
    }

    /// <summary>Shell actions are recorded as the operator at the shell, not as any user.</summary>
    private static readonly Actor Cli = new("cli", "system");

    private static StoredToken NewStoredToken(string userId, string token, DateTimeOffset now, DateTimeOffset? expiresAt) =>
        new(AccessTokens.NewId("t_"), userId, TokenKind.PersonalAccessToken, AccessTokens.Hash(token), now, expiresAt);

    /// <summary>Verb options as name → value; configuration overrides (--Section:Key value) are skipped.</summary>
    internal static Dictionary<string, string>? ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Contains(':', StringComparison.Ordinal))
            {
                i++; // configuration overrides such as --Database:Provider x are the host's business
                continue;
            }
            if (i + 1 >= args.Length)
            {
                return null;
            }
            options[args[i][2..]] = args[++i];
        }
        return options;
    }
}
