namespace Audit.Application.Users;

/// <summary>An admin lists a user's live tokens (personal access tokens, unused invitations, web sessions) to revoke one.</summary>
public sealed class ReadUserTokens(IUserRepository users, IUserTokenReader tokens, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<LiveToken>>> ExecuteAsync(Caller caller, string userId, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        if (await users.GetAsync(userId, cancellationToken) is null)
        {
            return UserRules.NotFound(userId);
        }
        return Outcome.Of(await tokens.ListLiveAsync(userId, clock.GetUtcNow(), cancellationToken));
    }
}
