using Audit.Api.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Access;

/// <summary>
/// Invitation links and sign-out for the web pages. Opening the link only shows a button: mail
/// scanners that prefetch links must not burn a single-use invitation. The POST, protected by
/// antiforgery, redeems it and starts a session cookie.
/// </summary>
public static class InvitationApi
{
    public const string Path = "/uitnodiging";
    public const string PageName = "site/invitation";

    public static string PathFor(string token) => $"{Path}/{Uri.EscapeDataString(token)}";

    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").ExcludeFromDescription();
        group.MapGet(Path + "/{token}", Show).AllowAnonymous();
        group.MapPost(Path + "/{token}", RedeemAsync).AllowAnonymous().DisableAntiforgery(); // validated explicitly below
        group.MapPost("/afmelden", SignOutAsync).RequireAuthorization(Policies.SignedIn).DisableAntiforgery();
        return routes;
    }

    /// <summary>The page the link opens: one button that posts back, with antiforgery.</summary>
    public static HtmlPage Show(string token) => new(PageName, new InvitationPage(PathFor(token), null), hasForm: true);

    public static async Task<IResult> RedeemAsync(
        string token, HttpContext context, IAntiforgery antiforgery, IUserRepository users, SignInThrottle throttle, TimeProvider clock)
    {
        // A person gets the page again with the reason; a script gets the problem.
        IResult Refuse(int status, string error, string detail) => BrowserRequests.WantsHtml(context.Request)
            ? new HtmlPage(PageName, new InvitationPage(PathFor(token), error), status, hasForm: true)
            : ApiProblems.Status(status, detail);

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Refuse(StatusCodes.Status400BadRequest, "expired", "The form has expired. Open the invitation link again.");
        }
        var now = clock.GetUtcNow();
        var (session, stored) = WebSessions.NewSession("", now);
        var user = await users.RedeemInvitationAsync(AccessTokens.Hash(token), stored, now, context.RequestAborted);
        if (user is null)
        {
            throttle.RecordFailure(context, token);
            if (throttle.IsAddressThrottled(context))
            {
                return SignInThrottle.Throttled();
            }
            return Refuse(StatusCodes.Status404NotFound, "unknown", "This invitation link is unknown, expired or already used. Ask the bureau for a new one.");
        }
        await WebSessions.EndPresentedAsync(context, now);
        WebSessions.SetCookie(context, session, stored.ExpiresAt!.Value);
        return TypedResults.Redirect("/");
    }

    /// <summary>The invitation page's model: where the button posts, and why redeeming failed (a text under <c>t.invitation.errors</c>).</summary>
    public sealed record InvitationPage(string Action, string? Error);

    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOutAsync(
        HttpContext context, IAntiforgery antiforgery, IUserRepository users, TimeProvider clock)
    {
        // A session cookie rides along on cross-site requests; a bearer token does not.
        if (context.User.Identity?.AuthenticationType == SessionCookieHandler.SchemeName && !await antiforgery.IsRequestValidAsync(context))
        {
            return ApiProblems.Status(StatusCodes.Status400BadRequest, "The form has expired. Reload the page and try again.");
        }
        var user = context.User;
        if (user.Identity?.AuthenticationType == SessionCookieHandler.SchemeName && user.FindFirst(AuditClaims.TokenId)?.Value is { } tokenId)
        {
            var now = clock.GetUtcNow();
            await users.RevokeTokenAsync(user.GetUserId()!, tokenId, now, user.ToActor().Did("session.ended", "token", tokenId, now), context.RequestAborted);
        }
        SessionCookieHandler.Delete(context);
        return TypedResults.Redirect("/");
    }
}
