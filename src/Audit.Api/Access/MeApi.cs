namespace Audit.Api.Access;

/// <summary><c>GET /api/v1/me</c>: who the presented credentials belong to.</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Access").RequireAuthorization(Policies.SignedIn)
            .MapGet("/me", GetMeAsync).WithName("GetMe").WithSummary("The signed-in user");
        return routes;
    }

    public sealed record MeResponse(string Id, string Name, string Email, string Role, string? InstitutionId);

    public static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> GetMeAsync(
        ClaimsPrincipal principal, IUserRepository users, CancellationToken cancellationToken)
    {
        var user = principal.GetUserId() is { } id ? await users.GetAsync(id, cancellationToken) : null;
        return user is null
            ? TypedResults.Unauthorized()
            : TypedResults.Ok(new MeResponse(user.Id, user.Name, user.Email, user.Role.ToWireName(), user.InstitutionId));
    }
}
