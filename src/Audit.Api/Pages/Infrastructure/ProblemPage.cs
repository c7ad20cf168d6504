using Audit.Api.Pages.Site;
using Microsoft.AspNetCore.Diagnostics;

namespace Audit.Api.Pages.Infrastructure;

/// <summary>
/// The friendly page a browser gets for an error outside <c>/api</c>: registered as the first problem-details
/// writer, so every problem (a handler's 404, the router's 404, a forbidden role, an exception, the rate limiter)
/// reaches a person as a page in their language, and an API client still gets problem+json.
/// </summary>
public sealed class HtmlProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => BrowserRequests.WantsHtml(context.HttpContext.Request);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        await ProblemPage.For(http, status).ExecuteAsync(http);
    }
}

public static class ProblemPage
{
    public const string Name = "site/problem";

    /// <summary><see cref="Kind"/> names the texts under <c>t.problem</c>; <see cref="SignInUrl"/> is set when signing in would help.</summary>
    public sealed record Model(int Status, string Kind, string TraceId, string? SignInUrl);

    public static HtmlPage For(HttpContext context, int status)
    {
        var kind = status switch
        {
            StatusCodes.Status400BadRequest => "bad_request",
            StatusCodes.Status401Unauthorized => "unauthorized",
            StatusCodes.Status403Forbidden => "forbidden",
            StatusCodes.Status404NotFound => "not_found",
            StatusCodes.Status429TooManyRequests => "too_many_requests",
            >= 500 => "server_error",
            _ => "other",
        };
        var signIn = status == StatusCodes.Status401Unauthorized
            ? SignInPage.PathFor(BrowserRequests.IsNavigation(context.Request) ? OriginalPathAndQuery(context) : null)
            : null;
        return new HtmlPage(Name, new Model(status, kind, context.TraceIdentifier, signIn), status);
    }

    /// <summary>The address the visitor asked for, also when an error handler re-executes the request elsewhere.</summary>
    private static string OriginalPathAndQuery(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted
            ? reExecuted.OriginalPathBase + reExecuted.OriginalPath + reExecuted.OriginalQueryString
            : context.Request.PathBase + context.Request.Path + context.Request.QueryString;
}
