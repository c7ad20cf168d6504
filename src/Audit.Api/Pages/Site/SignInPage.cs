using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Audit.Api.Pages.Site;

/// <summary>
/// <c>/aanmelden</c>: explains invitation links and, where <see cref="PagesOptions.TokenSignIn"/> is on, offers a
/// form that exchanges a personal access token for a web session. The session is stored like one started by an
/// invitation (a random cookie value whose hash is a <see cref="TokenKind.Session"/> token), so sign-out and
/// deactivation end it the same way.
/// </summary>
public static class SignInPage
{
    public const string Path = "/aanmelden";
    public const string Name = "site/sign-in";
    /// <summary>Where to go after signing in; the query parameter and the hidden form field.</summary>
    public const string ReturnField = "terug";
    public const string TokenField = "token";

    /// <summary>
    /// <see cref="FormError"/>, <see cref="TokenError"/> and <see cref="OrganisationError"/> name texts under
    /// <c>t.sign_in.errors</c>. <see cref="OrganisationSignInUrl"/> is set when the organisation-account sign-in is configured.
    /// </summary>
    public sealed record Model(
        bool TokenSignIn, string? ReturnUrl, string? FormError = null, string? TokenError = null,
        string? OrganisationSignInUrl = null, string? OrganisationError = null);

    /// <summary>The sign-in page, coming back to <paramref name="returnUrl"/> afterwards when it is a path on this site.</summary>
    public static string PathFor(string? returnUrl) =>
        LocalUrl.OrNull(returnUrl) is { } local && local != StartPage.Path ? $"{Path}?{ReturnField}={Uri.EscapeDataString(local)}" : Path;

    public static HtmlPage Show(HttpContext context, IOptions<PagesOptions> options, IHostEnvironment environment)
    {
        var enabled = options.Value.TokenSignInEnabled(environment);
        var returnUrl = LocalUrl.OrNull(context.Request.Query[ReturnField]);
        return new HtmlPage(Name, new Model(enabled, returnUrl, OrganisationSignInUrl: OrganisationSignIn.UrlFor(context, returnUrl)), hasForm: enabled);
    }

    /// <summary>The page again, saying why the organisation-account sign-in did not sign anyone in.</summary>
    public static HtmlPage OrganisationRefusal(HttpContext context, string error, int statusCode)
    {
        var enabled = context.RequestServices.GetRequiredService<IOptions<PagesOptions>>().Value
            .TokenSignInEnabled(context.RequestServices.GetRequiredService<IHostEnvironment>());
        return new HtmlPage(Name, new Model(enabled, null, OrganisationSignInUrl: OrganisationSignIn.UrlFor(context, null), OrganisationError: error),
            statusCode, hasForm: enabled);
    }

    public static async Task<IResult> SubmitAsync(
        HttpContext context, IAntiforgery antiforgery, IUserRepository users, SignInThrottle throttle, TimeProvider clock,
        IOptions<PagesOptions> options, IHostEnvironment environment)
    {
        if (!options.Value.TokenSignInEnabled(environment))
        {
            return Results.NotFound();
        }
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var returnUrl = LocalUrl.OrNull(form?[ReturnField]);
        IResult Refuse(string? formError = null, string? tokenError = null) =>
            new HtmlPage(Name, new Model(true, returnUrl, formError, tokenError, OrganisationSignIn.UrlFor(context, returnUrl)),
                StatusCodes.Status400BadRequest, hasForm: true);

        if (form is null || !await antiforgery.IsRequestValidAsync(context))
        {
            return Refuse(formError: "expired");
        }
        var token = form[TokenField].ToString().Trim();
        if (token.Length == 0)
        {
            return Refuse(tokenError: "empty");
        }
        if (throttle.IsRefused(token))
        {
            return SignInThrottle.Throttled();
        }
        var now = clock.GetUtcNow();
        var principal = await users.FindByTokenHashAsync(AccessTokens.Hash(token), now, context.RequestAborted);
        if (principal is null || principal.Kind != TokenKind.PersonalAccessToken)
        {
            throttle.RecordFailure(context, token);
            return throttle.IsAddressThrottled(context) ? SignInThrottle.Throttled() : Refuse(tokenError: "unknown");
        }

        // The session names the token it came from: revoking the token ends the session too.
        await WebSessions.StartAsync(context, principal.User, $"signed in with personal access token {principal.TokenId}", principal.TokenId);
        return Results.Redirect(returnUrl ?? StartPage.Path);
    }
}
