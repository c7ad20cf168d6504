using System.Security.Claims;
using Audit.Core.Access;
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
        var email = context.Principal?.FindFirstValue(emailClaim) ?? context.Principal?.FindFirstValue(ClaimTypes.Email);
        var users = context.HttpContext.RequestServices.GetRequiredService<IUserRepository>();
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email, context.HttpContext.RequestAborted);
        if (user is null || !user.Active)
        {
            context.HttpContext.RequestServices.GetRequiredService<SignInThrottle>().RecordFailure(context.HttpContext);
            context.Fail("The token is valid but belongs to no active Audit user.");
            return;
        }
        var subject = context.Principal?.FindFirstValue("sub") ?? "";
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            AuditClaims.For(user, "oidc:" + subject), AccessExtensions.OidcScheme, AuditClaims.Name, ClaimTypes.Role));
    }
}
