using Audit.Application.Users;

namespace Audit.Api.Users;

/// <summary>
/// Tokens and invitations of a user (<see cref="CreateUserToken"/>, <see cref="RevokeUserToken"/>, <see cref="InviteUser"/>).
/// Plain values leave the service once, in the 201 response.
/// </summary>
public static class TokenEndpoints
{
    /// <summary>The user's live tokens, without their values: what an admin may revoke.</summary>
    public static async Task<Results<Ok<ItemsResponse<LiveTokenResponse>>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal principal, ReadUserTokens read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), id, cancellationToken)).ToResult(tokens =>
            TypedResults.Ok(new ItemsResponse<LiveTokenResponse>([.. tokens.Select(LiveTokenResponse.From)])));

    public static async Task<Results<Created<TokenResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string id, CreateTokenRequest? request, ClaimsPrincipal principal, CreateUserToken create, CancellationToken cancellationToken) =>
        (await create.ExecuteAsync(principal.ToCaller(), id, request?.ExpiresAt, cancellationToken)).ToResults(issued =>
            TypedResults.Created($"/api/v1/users/{issued.Stored.UserId}/tokens/{issued.Stored.Id}", new TokenResponse(issued.Stored.Id, issued.Token, issued.ExpiresAt)));

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, string tokenId, ClaimsPrincipal principal, RevokeUserToken revoke, CancellationToken cancellationToken) =>
        (await revoke.ExecuteAsync(principal.ToCaller(), id, tokenId, cancellationToken)).ToResult(_ => TypedResults.NoContent());

    public static async Task<Results<Created<InvitationResponse>, ProblemHttpResult>> InviteAsync(
        string id, ClaimsPrincipal principal, InviteUser invite, CancellationToken cancellationToken) =>
        (await invite.ExecuteAsync(principal.ToCaller(), id, cancellationToken)).ToResult(invitation =>
            TypedResults.Created(invitation.Url, new InvitationResponse(invitation.Issued.Stored.Id, invitation.Url, invitation.Issued.ExpiresAt)));
}
