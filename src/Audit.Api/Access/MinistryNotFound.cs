using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Authorization;

namespace Audit.Api.Access;

/// <summary>
/// Marks an endpoint (or a group, such as the bureau's pages) whose existence the ministry does not learn:
/// a ministry user who is refused gets 404, not 403.
/// </summary>
public sealed class HiddenFromMinistry
{
    public static HiddenFromMinistry Instance { get; } = new();

    private HiddenFromMinistry()
    {
    }
}

/// <summary>
/// The ministry reads published sector views and reports, and nothing else is reachable: where its role is refused on
/// a participation URL (any route with a <c>participations</c> or <c>deelnames</c> segment: the API's, the
/// respondents' and the bureau's pages) or on an endpoint marked <see cref="HiddenFromMinistry"/>, the answer is
/// 404, as if there were nothing there. Other callers and other refusals keep the default (403 or the sign-in
/// challenge), so respondents still see the matrix's usual 403 on bureau endpoints.
/// </summary>
public sealed class MinistryNotFoundResultHandler : IAuthorizationMiddlewareResultHandler
{
    private static readonly string[] ParticipationSegments = ["participations", "deelnames"];

    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.GetRole() == Role.Ministry && context.GetEndpoint() is { } endpoint && IsHidden(endpoint))
        {
            // No body here: the status-code pages write the problem (or, for a browser, the "not found" page).
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return fallback.HandleAsync(next, context, policy, authorizeResult);
    }

    public static bool IsHidden(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HiddenFromMinistry>() is not null
        || (endpoint is RouteEndpoint route && route.RoutePattern.PathSegments.Any(segment =>
            segment.IsSimple && segment.Parts[0] is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal
            && ParticipationSegments.Contains(literal.Content, StringComparer.Ordinal)));
}
