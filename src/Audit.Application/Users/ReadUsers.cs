namespace Audit.Application.Users;

/// <summary>The users, for admins.</summary>
public sealed class ReadUsers(IUserRepository users)
{
    public async Task<Outcome<IReadOnlyList<User>>> ExecuteAsync(Caller caller, CancellationToken cancellationToken) =>
        Permission.AdminOnly(caller) is { } refused ? refused : Outcome.Of(await users.ListAsync(cancellationToken));

    public async Task<Outcome<User>> GetAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        return await users.GetAsync(id, cancellationToken) is { } user ? user : UserRules.NotFound(id);
    }
}
