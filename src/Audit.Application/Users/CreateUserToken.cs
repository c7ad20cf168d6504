namespace Audit.Application.Users;

/// <summary>A token just made: <see cref="Token"/> is its plain value, which leaves the service this once.</summary>
public sealed record IssuedToken(StoredToken Stored, string Token, DateTimeOffset ExpiresAt);

/// <summary>An admin makes a personal access token for a user, for scripts; it expires within a year.</summary>
public sealed class CreateUserToken(IUserRepository users, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public async Task<Outcome<IssuedToken>> ExecuteAsync(Caller caller, string userId, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        var now = clock.GetUtcNow();
        var expires = expiresAt ?? now.Add(DefaultLifetime);
        if (expires <= now || expires > now.Add(MaxLifetime))
        {
            return Failure.Invalid.Field("expiresAt", $"expiresAt must be in the future and at most {MaxLifetime.TotalDays:0} days ahead.");
        }
        if (await users.GetAsync(userId, cancellationToken) is not { } user)
        {
            return UserRules.NotFound(userId);
        }
        var token = AccessTokens.NewToken();
        var stored = StoredToken.For(user.Id, TokenKind.PersonalAccessToken, token, now, expires);
        await users.InsertTokenAsync(stored, caller.ToActor().Did("token.created", "token", stored.Id, now, $"for user {user.Id}, expires {expires:O}"), cancellationToken);
        return new IssuedToken(stored, token, expires);
    }
}
