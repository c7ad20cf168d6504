using Audit.Api.Pages.Site;
using Audit.Api.Pages;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Audit.Api.Access;

/// <summary>
/// "Aanmelden met uw organisatieaccount": the OpenID Connect authorization code flow with PKCE against
/// <c>Authentication:Oidc</c>. ASP.NET Core's handler does the protocol (state, nonce, code exchange, id_token
/// validation); at its end the provider account is matched to an active Audit user (<see cref="OidcUserMapping"/>) and the same revocable session
/// starts as after an invitation link (<see cref="WebSessions"/>). The handler's own sign-in is never used, so no
/// identity-provider ticket lives on in a cookie: the session token is the only credential.
/// </summary>
public static class OrganisationSignIn
{
    public const string SchemeName = "OidcBrowser";
    public const string Path = "/aanmelden/organisatie";
    public const string CallbackPath = "/aanmelden/organisatie/terug";

    /// <summary>The link on the sign-in page, or null when the browser sign-in is not configured.</summary>
    public static string? UrlFor(HttpContext context, string? returnUrl) =>
        !context.RequestServices.GetRequiredService<IOptions<OidcOptions>>().Value.BrowserSignInEnabled ? null
        : LocalUrl.OrNull(returnUrl) is { } local && local != StartPage.Path ? $"{Path}?{SignInPage.ReturnField}={Uri.EscapeDataString(local)}"
        : Path;

    public static AuthenticationBuilder AddOrganisationSignIn(this AuthenticationBuilder builder, OidcOptions oidc, bool development) =>
        builder.AddOpenIdConnect(SchemeName, "Organisation account", options =>
        {
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = string.IsNullOrWhiteSpace(oidc.ClientSecret) ? null : oidc.ClientSecret;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            // The provider redirects back with a GET, a top-level navigation: SameSite=Lax cookies come along, where the
            // default form_post would need SameSite=None on the correlation and nonce cookies.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.CallbackPath = CallbackPath;
            // No remote sign-out endpoints: Audit's sessions end at /afmelden, and these paths would otherwise be public.
            options.RemoteSignOutPath = default;
            options.SignedOutCallbackPath = default;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("email");
            options.Scope.Add("profile");
            options.MapInboundClaims = false;
            // The issuer is half of the identity a user is linked to; the handler drops the claim by default.
            options.ClaimActions.Remove("iss");
            options.TokenValidationParameters.ValidIssuers = oidc.ValidIssuers;
            options.SaveTokens = false;
            options.DisableTelemetry = true;
            var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = secure;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = secure;
            options.Events = new OpenIdConnectEvents
            {
                // Not OnTokenValidated: the handler checks the token response (the nonce among it) only after that event.
                OnTicketReceived = context => StartSessionAsync(context, oidc),
                OnRemoteFailure = RefuseAsync,
            };
        });

    public static IEndpointRouteBuilder MapOrganisationSignIn(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, Start).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    /// <summary>Sends the browser to the identity provider; it comes back to <see cref="CallbackPath"/>.</summary>
    public static IResult Start(HttpContext context, IOptions<OidcOptions> options)
    {
        if (!options.Value.BrowserSignInEnabled)
        {
            return Results.NotFound();
        }
        var returnUrl = LocalUrl.OrNull(context.Request.Query[SignInPage.ReturnField]) ?? StartPage.Path;
        return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [SchemeName]);
    }

    /// <summary>
    /// The handler has validated everything (state, code, id_token, nonce): the active user linked to the account gets a
    /// session; anyone else a clear refusal. Handling the response here skips the handler's own cookie sign-in.
    /// </summary>
    private static async Task StartSessionAsync(TicketReceivedContext context, OidcOptions oidc)
    {
        var http = context.HttpContext;
        context.HandleResponse();
        var user = await OidcUserMapping.FindActiveUserAsync(http, context.Principal, oidc);
        if (user is null)
        {
            http.RequestServices.GetRequiredService<SignInThrottle>().RecordFailure(http, null);
            await SignInPage.OrganisationRefusal(http, "organisation_unknown", StatusCodes.Status403Forbidden).ExecuteAsync(http);
            return;
        }
        var subject = context.Principal?.FindFirstValue("sub") ?? "";
        await WebSessions.StartAsync(http, user, $"signed in with organisation account {subject} at {((OpenIdConnectOptions)context.Options).Authority}");
        http.Response.Redirect(LocalUrl.OrNull(context.ReturnUri) ?? StartPage.Path);
    }

    /// <summary>
    /// Anything else that went wrong (a forged or replayed state, a wrong nonce, an invalid token, the person declined at
    /// the provider) ends on the sign-in page, never in an error 500.
    /// </summary>
    private static async Task RefuseAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        context.HttpContext.RequestServices.GetRequiredService<SignInThrottle>().RecordFailure(context.HttpContext, null);
        await SignInPage.OrganisationRefusal(context.HttpContext, "organisation_failed", StatusCodes.Status400BadRequest).ExecuteAsync(context.HttpContext);
    }
}
