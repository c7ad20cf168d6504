using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Audit.Api.Access;

/// <summary>
/// A validated identity-provider token only proves who someone is; what they may do comes from
/// Audit's own user table. Unknown or deactivated users are refused.
/// </summary>
internal static class OidcUserMapping
{
    public static async Task MapToUserAsync(TokenValidatedContext context, string emailClaim)
    {
        var user = await FindActiveUserAsync(context.HttpContext, context.Principal, emailClaim);
        if (user is null)
        {
            context.HttpContext.RequestServices.GetRequiredService<SignInThrottle>().RecordFailure(context.HttpContext, null);
            context.Fail("The token is valid but belongs to no active Audit user.");
            return;
        }
        var subject = context.Principal?.FindFirstValue("sub") ?? "";
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            AuditClaims.For(user, "oidc:" + subject), AccessExtensions.OidcScheme, AuditClaims.Name, ClaimTypes.Role));
    }

    /// <summary>The active user whose email the provider vouches for, or null.</summary>
    public static async Task<User?> FindActiveUserAsync(HttpContext context, ClaimsPrincipal? principal, string emailClaim)
    {
        var email = principal?.FindFirstValue(emailClaim) ?? principal?.FindFirstValue(ClaimTypes.Email);
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        var user = await context.RequestServices.GetRequiredService<IUserRepository>().FindByEmailAsync(email, context.RequestAborted);
        return user is { Active: true } ? user : null;
    }
}
