using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Problems;
using Audit.Core.Access;
using Audit.Core.Institutions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Users;

/// <summary>User management for admins: users, personal access tokens and invitation links.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/users", ListAsync).WithName("ListUsers");
        group.MapPost("/users", CreateAsync).WithName("CreateUser");
        group.MapGet("/users/{id}", GetAsync).WithName("GetUser");
        group.MapPatch("/users/{id}", UpdateAsync).WithName("UpdateUser");
        group.MapPost("/users/{id}/tokens", TokenEndpoints.CreateAsync).WithName("CreateUserToken");
        group.MapDelete("/users/{id}/tokens/{tokenId}", TokenEndpoints.RevokeAsync).WithName("RevokeUserToken");
        group.MapPost("/users/{id}/invitations", TokenEndpoints.InviteAsync).WithName("CreateUserInvitation");
        return routes;
    }

    public static async Task<Ok<ItemsResponse<UserResponse>>> ListAsync(IUserRepository users, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<UserResponse>((await users.ListAsync(cancellationToken)).Select(UserResponse.From).ToList()));

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(string id, IUserRepository users, CancellationToken cancellationToken) =>
        await users.GetAsync(id, cancellationToken) is { } user
            ? TypedResults.Ok(UserResponse.From(user))
            : ApiProblems.NotFound($"User '{id}' does not exist.");

    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, IUserRepository users, IInstitutionLookup institutions, ClaimsPrincipal principal,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var institutionExists = request.InstitutionId is not null && await institutions.ExistsAsync(request.InstitutionId, cancellationToken);
        var errors = UserValidation.Validate(request, institutionExists);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        Roles.TryParse(request.Role, out var role);
        var now = clock.GetUtcNow();
        var user = new User(AccessTokens.NewId("u_"), request.Name!.Trim(), request.Email!.Trim(), role, request.InstitutionId, true, now);
        if (!await users.InsertAsync(user, principal.ToActor().Did("user.created", "user", user.Id, now, $"{user.Role.ToWireName()} {user.Email}"), cancellationToken))
        {
            return ApiProblems.Conflict($"A user with email '{request.Email}' already exists.");
        }
        var created = await users.GetAsync(user.Id, cancellationToken) ?? user;
        return TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(created));
    }

    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, UpdateUserRequest request, IUserRepository users, ClaimsPrincipal principal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        UserValidation.ValidateNameAndEmail(request.Name, request.Email, errors, optional: true);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var user = await users.GetAsync(id, cancellationToken);
        if (user is null)
        {
            return ApiProblems.NotFound($"User '{id}' does not exist.");
        }
        var changed = user with { Name = request.Name?.Trim() ?? user.Name, Email = request.Email?.Trim() ?? user.Email, Active = request.Active ?? user.Active };
        var summary = $"name {user.Name} → {changed.Name}; email {user.Email} → {changed.Email}; active {user.Active} → {changed.Active}";
        if (!await users.UpdateAsync(changed, principal.ToActor().Did("user.updated", "user", id, clock.GetUtcNow(), summary), cancellationToken))
        {
            return ApiProblems.Conflict($"Another user already has email '{request.Email}'.");
        }
        return TypedResults.Ok(UserResponse.From((await users.GetAsync(id, cancellationToken))!));
    }
}
