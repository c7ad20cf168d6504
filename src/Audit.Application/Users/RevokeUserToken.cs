namespace Audit.Application.Users;

/// <summary>An admin revokes a live token of a user.</summary>
public sealed class RevokeUserToken(IUserRepository users, TimeProvider clock)
{
    public async Task<Outcome<Done>> ExecuteAsync(Caller caller, string userId, string tokenId, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        var now = clock.GetUtcNow();
        return await users.RevokeTokenAsync(userId, tokenId, now, caller.ToActor().Did("token.revoked", "token", tokenId, now, $"of user {userId}"), cancellationToken)
            ? Done.Value
            : new Failure.NotFound($"User '{userId}' has no live token '{tokenId}'.");
    }
}
