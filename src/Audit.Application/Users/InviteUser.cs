namespace Audit.Application.Users;

/// <summary>
/// An admin makes a one-time sign-in link for an active user, valid for two weeks. Without a configured public address
/// no link can be written, and then no token is made either: a failed request changes nothing.
/// </summary>
public sealed class InviteUser(IUserRepository users, IInvitationLinks links, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public async Task<Outcome<IssuedInvitation>> ExecuteAsync(Caller caller, string userId, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        if (await users.GetAsync(userId, cancellationToken) is not { Active: true } user)
        {
            return new Failure.NotFound($"User '{userId}' does not exist or is not active.");
        }
        if (links.Unavailable is { } unavailable)
        {
            return new Failure.Unavailable(unavailable);
        }
        var now = clock.GetUtcNow();
        var token = AccessTokens.NewToken();
        var expiresAt = now.Add(Lifetime);
        var stored = StoredToken.For(user.Id, TokenKind.Invitation, token, now, expiresAt);
        await users.InsertTokenAsync(stored, caller.ToActor().Did("invitation.created", "token", stored.Id, now, $"for user {user.Id}"), cancellationToken);
        return new IssuedInvitation(new IssuedToken(stored, token, expiresAt), links.For(token));
    }
}
