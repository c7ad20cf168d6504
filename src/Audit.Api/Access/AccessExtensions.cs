using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Audit.Api.Access;

/// <summary>Named policies; every endpoint group states one of them (or AllowAnonymous).</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Bureau = "bureau";
    public const string Respondent = "respondent";
    public const string Ministry = "ministry";
    /// <summary>Any signed-in user; the handler narrows what each role sees.</summary>
    public const string SignedIn = "signed-in";
}

public static class AccessExtensions
{
    public const string DefaultScheme = "Audit";
    public const string OidcScheme = "Oidc";

    /// <summary>
    /// Personal access tokens, web sessions and (when configured) OIDC bearer tokens, behind one
    /// selector. Deny by default: the fallback policy requires an authenticated user, so an
    /// endpoint that forgets to state its policy is closed, not open.
    /// </summary>
    public static WebApplicationBuilder AddAuditAccess(this WebApplicationBuilder builder)
    {
        var oidc = builder.Configuration.GetSection(OidcOptions.SectionName).Get<OidcOptions>() ?? new OidcOptions();
        builder.Services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<TokenCache>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, MinistryNotFoundResultHandler>();
        var authentication = builder.Services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Token, session or OIDC", scheme => scheme.ForwardDefaultSelector = context =>
                SelectScheme(context, oidc.Enabled))
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, SessionCookieHandler>(SessionCookieHandler.SchemeName, null);
        if (oidc.Enabled)
        {
            authentication.AddJwtBearer(OidcScheme, jwt =>
            {
                jwt.Authority = oidc.Authority;
                jwt.Audience = oidc.Audience;
                jwt.MapInboundClaims = false;
                jwt.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                jwt.TokenValidationParameters.ValidIssuers = oidc.ValidIssuers;
                jwt.Events = new JwtBearerEvents { OnTokenValidated = context => OidcUserMapping.MapToUserAsync(context, oidc) };
            });
        }
        if (oidc.BrowserSignInEnabled)
        {
            authentication.AddOrganisationSignIn(oidc, builder.Environment.IsDevelopment());
        }
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Bureau, p => p.RequireRole(Roles.Admin, Roles.Analyst))
            .AddPolicy(Policies.Respondent, p => p.RequireRole(Roles.Respondent))
            .AddPolicy(Policies.Ministry, p => p.RequireRole(Roles.Ministry))
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>
    /// Refuses a bearer token or an invitation link that failed too often, before it is looked up again. Valid
    /// credentials are never refused here: an address with many failures is only answered 429 on its next failure
    /// (see <see cref="SignInThrottle"/>).
    /// </summary>
    public static WebApplication UseSignInThrottle(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (PresentedCredential(context) is { } credential && context.RequestServices.GetRequiredService<SignInThrottle>().IsRefused(credential))
            {
                await SignInThrottle.RefuseAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    /// <summary>The bearer token, or the token of an invitation link being redeemed; null when there is none.</summary>
    private static string? PresentedCredential(HttpContext context)
    {
        string? header = context.Request.Headers.Authorization;
        if (!string.IsNullOrEmpty(header) && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header[7..].Trim() is { Length: > 0 } token ? token : null;
        }
        var path = context.Request.Path;
        return HttpMethods.IsPost(context.Request.Method) && path.StartsWithSegments(InvitationApi.Path, out var rest) && rest.Value is { Length: > 1 } tail
            ? tail[1..]
            : null;
    }

    private static string SelectScheme(HttpContext context, bool oidcEnabled)
    {
        string? header = context.Request.Headers.Authorization;
        if (!string.IsNullOrEmpty(header))
        {
            var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
            return oidcEnabled && !token.StartsWith(AccessTokens.Prefix, StringComparison.Ordinal) && token.Count(c => c == '.') == 2
                ? OidcScheme
                : BearerTokenHandler.SchemeName;
        }
        return SessionCookieHandler.SchemeName;
    }
}
