namespace Audit.Core.Access;

/// <summary>A token that still works, as an admin sees it: never its value or hash, only what it is and when it was used.</summary>
public sealed record LiveToken(string Id, TokenKind Kind, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt);

/// <summary>
/// A user's live tokens, so an admin can see what to revoke. Apart from <see cref="IUserRepository"/> because only the
/// users page reads it, and sign-in never does.
/// </summary>
public interface IUserTokenReader
{
    /// <summary>
    /// Tokens of <paramref name="userId"/> that are neither revoked nor expired at <paramref name="now"/> (and, for an
    /// invitation, not used yet), newest first.
    /// </summary>
    Task<IReadOnlyList<LiveToken>> ListLiveAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken = default);
}
