using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Audit.Api.Problems;

public static class ProblemsExtensions
{
    /// <summary>
    /// Every 4xx/5xx leaves as <c>application/problem+json</c> with status, title and detail (RFC 9457),
    /// whether a handler, the router, authentication or an exception produced it.
    /// </summary>
    public static WebApplicationBuilder AddAuditProblemDetails(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Status = status;
            problem.Title ??= ApiProblems.TitleFor(status);
            if (string.IsNullOrWhiteSpace(problem.Detail))
            {
                problem.Detail = DetailFor(context.HttpContext, context.Exception, status);
            }
            problem.Instance ??= context.HttpContext.Request.Path;
            if (context.Exception is BadHttpRequestException || (context.Exception is { } e && IsUnreadableForm(e)))
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Audit.Api.Problems.BadRequests")
                    .LogInformation("Refused a malformed request ({Status}): {Reason}", status, context.Exception.Message);
            }
            problem.Extensions.Remove("traceId");
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        return builder;
    }

    public static WebApplication UseAuditProblems(this WebApplication app)
    {
        // A request Kestrel refused mid-read (a bad chunk size, a body too slow or too large), or a form the form reader
        // cannot read, is the client's fault: logged at Information when its problem is written, not as an unhandled error.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = StatusFor,
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException || IsUnreadableForm(context.Exception),
        });
        app.UseStatusCodePages();
        app.UseStrictUtf8Json();
        return app;
    }

    /// <summary>
    /// The status an exception that escaped a handler maps to: a request Kestrel refused mid-read keeps its own
    /// status (413 for a body over the limit), and a database that cannot be reached is 503, because the
    /// request was fine and a retry later will do. A body the form reader cannot read is 400 in one place, for every
    /// page that reads a form (directly or through antiforgery).
    /// </summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when IsUnreadableForm(exception) => StatusCodes.Status400BadRequest,
        _ when DatabaseUnavailable.Is(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// The form reader refused the body: over 1,024 fields, a multipart body without a boundary or that ends before its
    /// closing one, a body that is not the declared encoding. Antiforgery wraps the same failures when it reads the form.
    /// Only exceptions thrown by ASP.NET Core's own form and multipart readers count: an <see cref="IOException"/> or
    /// <see cref="InvalidDataException"/> of our own (a file store, a ZIP) is still a server error.
    /// </summary>
    public static bool IsUnreadableForm(Exception exception) => exception switch
    {
        AntiforgeryValidationException => true,
        InvalidDataException or IOException => exception.Source is "Microsoft.AspNetCore.WebUtilities" or "Microsoft.AspNetCore.Http",
        _ => false,
    };

    private static string DetailFor(HttpContext context, Exception? exception, int status)
    {
        // Malformed JSON or a parameter of the wrong type: say what could not be read, never a stack trace.
        if (exception is BadHttpRequestException bad)
        {
            return bad.InnerException is System.Text.Json.JsonException json ? $"The request body is not valid JSON: {json.Message}" : bad.Message;
        }
        if (exception is not null && IsUnreadableForm(exception))
        {
            return $"The form in the request body cannot be read: {(exception.InnerException ?? exception).Message}";
        }
        if (status == StatusCodes.Status404NotFound && context.Features.Get<IExceptionHandlerFeature>() is null)
        {
            return $"There is no resource at '{context.Request.Path}', or you may not see it.";
        }
        return status switch
        {
            StatusCodes.Status401Unauthorized => "Sign in or present a valid bearer token.",
            StatusCodes.Status403Forbidden => "Your role does not allow this request.",
            StatusCodes.Status405MethodNotAllowed => $"The method {context.Request.Method} is not allowed on '{context.Request.Path}'.",
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
            StatusCodes.Status415UnsupportedMediaType => "The request body has a content type this endpoint does not accept.",
            StatusCodes.Status503ServiceUnavailable when exception is not null => "The database is not reachable right now; please retry shortly.",
            >= 500 => "An unexpected error occurred. It has been logged; please try again later.",
            _ => ApiProblems.TitleFor(status),
        };
    }
}
