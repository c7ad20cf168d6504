namespace Audit.Api.Hosting;

/// <summary>
/// Requests the service refuses before routing, each with a clear problem rather than a redirect or a 500.
/// </summary>
public static class RequestShape
{
    /// <summary>
    /// <list type="bullet">
    /// <item>An API path with a trailing slash is 404 (API Design Rules /core/no-trailing-slash), never the resource
    /// and never a redirect.</item>
    /// <item>Outside Development, a browser page over plain HTTP is 400: its antiforgery and session cookies are
    /// Secure-only, so it can only work behind the TLS-terminating proxy that sends <c>X-Forwarded-Proto</c>.
    /// API clients with a bearer token and the health checks may use plain HTTP on an internal network.</item>
    /// </list>
    /// </summary>
    public static WebApplication UseRequestShape(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var path = request.Path.Value ?? "";
            var api = request.Path.StartsWithSegments("/api");
            if (api && path.Length > 1 && path.EndsWith('/'))
            {
                await Refuse(context, StatusCodes.Status404NotFound,
                    $"There is no resource at '{path}': API paths have no trailing slash; use '{path.TrimEnd('/')}'.");
                return;
            }
            if (!development && !request.IsHttps && !request.Path.StartsWithSegments("/health")
                && (!api || request.Cookies.ContainsKey(SessionCookieHandler.NameFor(context))))
            {
                await Refuse(context, StatusCodes.Status400BadRequest,
                    "This service must be reached over HTTPS. Behind a TLS-terminating proxy, the proxy must send X-Forwarded-Proto " +
                    "and be listed in Audit:KnownProxies or Audit:KnownNetworks.");
                return;
            }
            await next(context);
        });
        return app;
    }

    private static Task Refuse(HttpContext context, int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: ApiProblems.TitleFor(status), detail: detail).ExecuteAsync(context);
}
