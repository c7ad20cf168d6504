using Audit.Core.AuditTrail;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Audit.Api.Access;

/// <summary>
/// A validated identity-provider token only proves who someone is; what they may do comes from Audit's own user table.
/// The user is found by the provider account (<c>iss</c> + <c>sub</c>) it was linked to on its first sign-in; an account
/// not linked yet is linked once, to the active user with the e-mail the provider vouches for (verified, from an allowed
/// issuer), and only if that user has no account linked already. After that the e-mail plays no part: a changed address
/// at the provider does not move the account, and another provider asserting the same address gets nothing. Unknown
/// or deactivated users are refused.
/// </summary>
internal static class OidcUserMapping
{
    public static async Task MapToUserAsync(TokenValidatedContext context, OidcOptions oidc)
    {
        var user = await FindActiveUserAsync(context.HttpContext, context.Principal, oidc);
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

    /// <summary>The active user linked (or, on a first sign-in, now linked) to the token's account, or null.</summary>
    public static async Task<User?> FindActiveUserAsync(HttpContext context, ClaimsPrincipal? principal, OidcOptions oidc)
    {
        var issuer = principal?.FindFirstValue("iss");
        var subject = principal?.FindFirstValue("sub");
        if (string.IsNullOrWhiteSpace(issuer) || string.IsNullOrWhiteSpace(subject)
            || issuer.Length > UserIdentity.MaxLength || subject.Length > UserIdentity.MaxLength || !oidc.IsAllowedIssuer(issuer))
        {
            return null;
        }
        var services = context.RequestServices;
        var identities = services.GetRequiredService<IUserIdentityRepository>();
        if (await identities.FindUserAsync(issuer, subject, context.RequestAborted) is { } linked)
        {
            return linked.Active ? linked : null;
        }
        var user = await UserToLinkAsync(context, principal!, oidc);
        if (user is null || await identities.GetAsync(user.Id, context.RequestAborted) is not null)
        {
            return null;
        }
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var audit = new Actor(user.Id, user.Role.ToWireName()).Did("identity.linked", "user", user.Id, now, $"organisation account {subject} at {issuer}");
        if (await identities.LinkAsync(new UserIdentity(user.Id, issuer, subject, now), audit, context.RequestAborted))
        {
            return user;
        }
        // Two first requests at once (a client firing in parallel): the other one linked this very account.
        return await identities.FindUserAsync(issuer, subject, context.RequestAborted) is { Active: true } raced && raced.Id == user.Id ? raced : null;
    }

    /// <summary>The active user with the e-mail the provider vouches for: verified, unless the provider sends no such claim.</summary>
    private static async Task<User?> UserToLinkAsync(HttpContext context, ClaimsPrincipal principal, OidcOptions oidc)
    {
        // email_verified is a JSON boolean, which arrives as the claim value "true"; some providers send the string.
        if (oidc.RequireVerifiedEmail && !string.Equals(principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var email = principal.FindFirstValue(oidc.EmailClaim) ?? principal.FindFirstValue(ClaimTypes.Email);
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        var user = await context.RequestServices.GetRequiredService<IUserRepository>().FindByEmailAsync(email, context.RequestAborted);
        return user is { Active: true } ? user : null;
    }
}
