using Audit.Core.Access;
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
    /// <summary>
    /// Deny by default: the fallback policy requires an authenticated user, so an endpoint that
    /// forgets to state its policy is closed, not open.
    /// </summary>
    public static WebApplicationBuilder AddAuditAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Bureau, p => p.RequireRole(Roles.Admin, Roles.Analyst))
            .AddPolicy(Policies.Respondent, p => p.RequireRole(Roles.Respondent))
            .AddPolicy(Policies.Ministry, p => p.RequireRole(Roles.Ministry))
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser());
        return builder;
    }
}
