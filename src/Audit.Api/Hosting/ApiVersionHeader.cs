namespace Audit.Api.Hosting;

/// <summary>
/// API Design Rules (/core/version-header): every response names the full API version, errors
/// and non-API paths included, so clients can always tell what answered them.
/// </summary>
public static class ApiVersionHeader
{
    public const string Name = "API-Version";
    public const string Version = "1.0.0";
    public const string MajorPath = "/api/v1";

    public static WebApplication UseApiVersionHeader(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                ((HttpContext)state).Response.Headers[Name] = Version;
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        return app;
    }
}
