using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Audit.Api.Access;

/// <summary>
/// Cross-site request forgery protection for the API when a browser calls it with the session cookie (the pages'
/// autosave script). The cookie is SameSite=Lax, which still lets a sibling subdomain or an older browser send it
/// along; so every unsafe request to <c>/api</c> authenticated by the session must carry the antiforgery request
/// token in the <see cref="AntiforgeryOptions.HeaderName"/> header (the pages put it in their forms). Requests
/// with a bearer token are not affected: a browser never attaches one on its own.
/// </summary>
public static class ApiAntiforgery
{
    public static WebApplication UseApiAntiforgery(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (NeedsToken(context) && !await IsValidAsync(context))
            {
                var header = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
                await ApiProblems.Status(StatusCodes.Status400BadRequest,
                    $"A request signed in with the session cookie must carry the antiforgery token in the '{header}' header; " +
                    "reload the page to get a fresh one. API clients use a bearer token instead.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    private static bool NeedsToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
             || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.User.Identity?.AuthenticationType == SessionCookieHandler.SchemeName;

    /// <summary>Only the header counts: the body of an API request is JSON or a file, never the pages' form.</summary>
    private static async Task<bool> IsValidAsync(HttpContext context)
    {
        var header = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
        if (header is null || string.IsNullOrEmpty(context.Request.Headers[header]))
        {
            return false;
        }
        try
        {
            return await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
