using Audit.Reports.Localization;
using Audit.Reports.Pages;

namespace Audit.Api.Pages.Infrastructure;

/// <summary>
/// A page as an endpoint result: renders <c>templates/pages/{Name}</c> in the visitor's language with the chrome of
/// <see cref="PageSite"/>. Pages are never cached: they carry a user's name, data and antiforgery tokens.
/// </summary>
public sealed class HtmlPage(string name, object? model = null, int statusCode = StatusCodes.Status200OK, bool hasForm = false) : IResult
{
    public string Name { get; } = name;

    public int StatusCode { get; } = statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var renderer = httpContext.RequestServices.GetRequiredService<PageRenderer>();
        var language = PageLanguage.Resolve(httpContext);
        var html = renderer.Render(Name, language, PageSite.For(httpContext, language, hasForm), model);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.Headers.ContentLanguage = language.Code();
        await httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
    }
}
