namespace Audit.Application.Users;

/// <summary>An admin makes a one-time sign-in link for an active user, valid for two weeks.</summary>
public sealed class InviteUser(IUserRepository users, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public async Task<Outcome<IssuedToken>> ExecuteAsync(Caller caller, string userId, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        if (await users.GetAsync(userId, cancellationToken) is not { Active: true } user)
        {
            return new Failure.NotFound($"User '{userId}' does not exist or is not active.");
        }
        var now = clock.GetUtcNow();
        var token = AccessTokens.NewToken();
        var expiresAt = now.Add(Lifetime);
        var stored = StoredToken.For(user.Id, TokenKind.Invitation, token, now, expiresAt);
        await users.InsertTokenAsync(stored, caller.ToActor().Did("invitation.created", "token", stored.Id, now, $"for user {user.Id}"), cancellationToken);
        return new IssuedToken(stored, token, expiresAt);
    }
}
