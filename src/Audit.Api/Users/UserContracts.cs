namespace Audit.Api.Users;

public sealed record CreateUserRequest(string? Name, string? Email, string? Role, string? InstitutionId);

public sealed record UpdateUserRequest(string? Name, string? Email, bool? Active);

public sealed record CreateTokenRequest(DateTimeOffset? ExpiresAt);

public sealed record UserResponse(string Id, string Name, string Email, string Role, string? InstitutionId, bool Active, DateTimeOffset CreatedAt)
{
    public static UserResponse From(User user) =>
        new(user.Id, user.Name, user.Email, user.Role.ToWireName(), user.InstitutionId, user.Active, user.CreatedAt);
}

/// <summary>The token is in this response only; it is never retrievable again.</summary>
public sealed record TokenResponse(string Id, string Token, DateTimeOffset? ExpiresAt);

/// <summary>A live token as listed: what it is and when it was used, never its value. <c>kind</c> is pat, invitation or session.</summary>
public sealed record LiveTokenResponse(string Id, string Kind, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt)
{
    public static LiveTokenResponse From(LiveToken token) => new(token.Id, token.Kind.ToWireName(), token.CreatedAt, token.ExpiresAt, token.LastUsedAt);
}

/// <summary>A one-time sign-in link for the web pages.</summary>
public sealed record InvitationResponse(string Id, string Url, DateTimeOffset ExpiresAt);

public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);
