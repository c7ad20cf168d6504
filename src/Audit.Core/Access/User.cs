namespace Audit.Core.Access;

public sealed record User(
    string Id,
    string Name,
    string Email,
    Role Role,
    string? InstitutionId,
    bool Active,
    DateTimeOffset CreatedAt);

/// <summary>Kinds of stored token: API bearer tokens, one-time invitation links and web sessions.</summary>
public enum TokenKind
{
    PersonalAccessToken,
    Invitation,
    Session,
}

public static class TokenKinds
{
    public static string ToWireName(this TokenKind kind) => kind switch
    {
        TokenKind.PersonalAccessToken => "pat",
        TokenKind.Invitation => "invitation",
        TokenKind.Session => "session",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>A stored token: only its hash is ever kept.</summary>
public sealed record StoredToken(
    string Id,
    string UserId,
    TokenKind Kind,
    string TokenHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt)
{
    /// <summary>
    /// The token this one was obtained with (a web session started from a personal access token): when that token is
    /// revoked or expires, this one stops working too.
    /// </summary>
    public string? ParentTokenId { get; init; }

    /// <summary>
    /// The row for a token handed out in plain text: a fresh id and only the hash of <paramref name="plainToken"/>.
    /// Every place that issues a token goes through here, so none can store the plain value by mistake.
    /// </summary>
    public static StoredToken For(string userId, TokenKind kind, string plainToken, DateTimeOffset now, DateTimeOffset? expiresAt) =>
        new(AccessTokens.NewId("t_"), userId, kind, AccessTokens.Hash(plainToken), now, expiresAt);
}

/// <summary>
/// The user behind a presented token, when the token is valid. <paramref name="LastUsedAt"/> is when it was last
/// recorded as used (its creation when never), for the idle timeout of web sessions.
/// </summary>
public sealed record TokenPrincipal(User User, string TokenId, TokenKind Kind, DateTimeOffset LastUsedAt = default);
