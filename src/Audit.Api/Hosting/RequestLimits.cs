using System.Threading.RateLimiting;

namespace Audit.Api.Hosting;

/// <summary>Request body size and per-user rate limits: one client cannot starve the others.</summary>
public static class RequestLimits
{
    /// <summary>JSON bodies are small; evidence uploads raise their own limit.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = DefaultMaxBodyBytes);
        var permitsPerMinute = (builder.Configuration.GetSection(AuditOptions.SectionName).Get<AuditOptions>() ?? new AuditOptions()).RequestsPerMinute;
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/health")
                ? RateLimitPartition.GetNoLimiter("health")
                : RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    // A burst of a quarter minute's worth, refilled every 10 seconds.
                    TokenLimit = Math.Max(1, permitsPerMinute / 4),
                    TokensPerPeriod = Math.Max(1, permitsPerMinute / 6),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "10";
                await Results.Problem(statusCode: 429, title: "Too many requests",
                    detail: $"More than {permitsPerMinute} requests per minute; slow down and retry after 10 seconds.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>Per signed-in user; anonymous callers per address.</summary>
    private static string PartitionKey(HttpContext context) =>
        context.User.GetUserId() is { } userId ? "user:" + userId
        : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
