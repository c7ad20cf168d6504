using System.Text.Unicode;

namespace Audit.Api.Problems;

/// <summary>
/// JSON must be UTF-8 (RFC 8259), but System.Text.Json only decodes the strings it binds: invalid bytes in a
/// property name it does not know were skipped, so a body made of nothing but broken bytes bound as an empty
/// object and, for writes whose fields are all optional, succeeded. Bodies are small (the Kestrel limit is
/// 1 MB for JSON), so checking the whole body once before any endpoint reads it costs little.
/// </summary>
public static class StrictUtf8Json
{
    public static WebApplication UseStrictUtf8Json(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.HasJsonContentType() && (request.ContentLength ?? 1) > 0 && request.ContentLength is null or <= RequestLimitsBytes)
            {
                request.EnableBuffering();
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
                request.Body.Position = 0;
                if (!Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
                {
                    await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: ApiProblems.TitleFor(400),
                        detail: "The request body is not valid UTF-8, which JSON requires.").ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    private const long RequestLimitsBytes = Hosting.RequestLimits.DefaultMaxBodyBytes;
}
