namespace Audit.Api.Hosting;

/// <summary>
/// Security headers on every response (API Design Rules /core/transport/security-headers): no
/// sniffing, no framing, HSTS, and no caching of API answers that may hold confidential data. Set as the response
/// starts, because the exception handler clears the headers of a failed response before writing its 500.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context, development);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>A policy a handler set for its own response (the reports' sandbox) is kept.</summary>
    private static void Apply(HttpContext context, bool development)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // A response with a policy of its own is a sandboxed report, which the site's own pages may frame; nothing else is.
        headers.XFrameOptions = string.IsNullOrEmpty(headers.ContentSecurityPolicy) ? "DENY" : "SAMEORIGIN";
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
        headers["Referrer-Policy"] = "no-referrer";
        if (!development)
        {
            // Sent over plain HTTP too: behind the TLS-terminating proxy the service never sees HTTPS.
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            headers.CacheControl = "no-store";
        }
    }
}
