using Audit.Application.Users;

namespace Audit.Api.Users;

/// <summary>
/// User management for admins: users, personal access tokens and invitation links (<see cref="TokenEndpoints"/>).
/// The rules live in the use cases of <c>Audit.Application.Users</c>.
/// </summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/users", ListAsync).WithName("ListUsers");
        group.MapPost("/users", CreateAsync).WithName("CreateUser");
        group.MapGet("/users/{id}", GetAsync).WithName("GetUser");
        group.MapPatch("/users/{id}", UpdateAsync).WithName("UpdateUser");
        group.MapGet("/users/{id}/tokens", TokenEndpoints.ListAsync).WithName("ListUserTokens");
        group.MapPost("/users/{id}/tokens", TokenEndpoints.CreateAsync).WithName("CreateUserToken");
        group.MapDelete("/users/{id}/tokens/{tokenId}", TokenEndpoints.RevokeAsync).WithName("RevokeUserToken");
        group.MapPost("/users/{id}/invitations", TokenEndpoints.InviteAsync).WithName("CreateUserInvitation")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    public static async Task<Results<Ok<ItemsResponse<UserResponse>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal principal, ReadUsers read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), cancellationToken)).ToResult(users =>
            TypedResults.Ok(new ItemsResponse<UserResponse>(users.Select(UserResponse.From).ToList())));

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal principal, ReadUsers read, CancellationToken cancellationToken) =>
        (await read.GetAsync(principal.ToCaller(), id, cancellationToken)).ToResult(user => TypedResults.Ok(UserResponse.From(user)));

    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, ClaimsPrincipal principal, CreateUser create, CancellationToken cancellationToken) =>
        (await create.ExecuteAsync(principal.ToCaller(), new NewUser(request.Name, request.Email, request.Role, request.InstitutionId), cancellationToken))
            .ToResults(user => TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(user)));

    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, UpdateUserRequest request, ClaimsPrincipal principal, UpdateUser update, CancellationToken cancellationToken) =>
        (await update.ExecuteAsync(principal.ToCaller(), id, new UserChange(request.Name, request.Email, request.Active), cancellationToken))
            .ToResults(user => TypedResults.Ok(UserResponse.From(user)));
}
