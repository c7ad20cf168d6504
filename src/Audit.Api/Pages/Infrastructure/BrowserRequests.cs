namespace Audit.Api.Pages.Infrastructure;

/// <summary>
/// Tells a person's browser from an API client. A browser asks for <c>text/html</c>; outside <c>/api</c> and
/// <c>/health</c> it gets pages, sign-in redirects and friendly error pages, while API clients always get
/// problem+json, whatever they accept.
/// </summary>
public static class BrowserRequests
{
    public static bool WantsHtml(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/health"))
        {
            return false;
        }
        return request.GetTypedHeaders().Accept.Any(accept =>
            accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (accept.Quality ?? 1) > 0);
    }

    /// <summary>A browser navigation that may be redirected (a GET or HEAD; a redirected POST would lose its form).</summary>
    public static bool IsNavigation(HttpRequest request) =>
        WantsHtml(request) && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
}
