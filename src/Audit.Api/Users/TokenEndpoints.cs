using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Problems;
using Audit.Core.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Users;

/// <summary>Tokens and invitations of a user. Plain values leave the service once, in the 201 response.</summary>
public static class TokenEndpoints
{
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromDays(90);
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(366);
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    public static async Task<Results<Created<TokenResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string id, CreateTokenRequest? request, IUserRepository users, ClaimsPrincipal principal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expiresAt = request?.ExpiresAt ?? now.Add(DefaultTokenLifetime);
        if (expiresAt <= now || expiresAt > now.Add(MaxTokenLifetime))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["expiresAt"] = [$"expiresAt must be in the future and at most {MaxTokenLifetime.TotalDays:0} days ahead."],
            });
        }
        if (await users.GetAsync(id, cancellationToken) is not { } user)
        {
            return ApiProblems.NotFound($"User '{id}' does not exist.");
        }
        var token = AccessTokens.NewToken();
        var stored = StoredToken.For(user.Id, TokenKind.PersonalAccessToken, token, now, expiresAt);
        await users.InsertTokenAsync(stored, principal.ToActor().Did("token.created", "token", stored.Id, now, $"for user {user.Id}, expires {expiresAt:O}"), cancellationToken);
        return TypedResults.Created($"/api/v1/users/{user.Id}/tokens/{stored.Id}", new TokenResponse(stored.Id, token, expiresAt));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, string tokenId, IUserRepository users, ClaimsPrincipal principal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await users.RevokeTokenAsync(id, tokenId, now, principal.ToActor().Did("token.revoked", "token", tokenId, now, $"of user {id}"), cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"User '{id}' has no live token '{tokenId}'.");
    }

    public static async Task<Results<Created<InvitationResponse>, ProblemHttpResult>> InviteAsync(
        string id, HttpContext context, IUserRepository users, ClaimsPrincipal principal, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await users.GetAsync(id, cancellationToken) is not { Active: true } user)
        {
            return ApiProblems.NotFound($"User '{id}' does not exist or is not active.");
        }
        var now = clock.GetUtcNow();
        var token = AccessTokens.NewToken();
        var expiresAt = now.Add(InvitationLifetime);
        var stored = StoredToken.For(user.Id, TokenKind.Invitation, token, now, expiresAt);
        await users.InsertTokenAsync(stored, principal.ToActor().Did("invitation.created", "token", stored.Id, now, $"for user {user.Id}"), cancellationToken);
        var url = $"{context.Request.Scheme}://{context.Request.Host}{InvitationApi.PathFor(token)}";
        return TypedResults.Created(url, new InvitationResponse(stored.Id, url, expiresAt));
    }
}
