using Microsoft.AspNetCore.Mvc;

namespace Audit.Api.Problems;

/// <summary>The problem responses handlers return, so every feature words them the same way.</summary>
public static class ApiProblems
{
    public static string TitleFor(int status) => status switch
    {
        400 => "The request is invalid",
        401 => "Authentication required",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        412 => "Precondition failed",
        413 => "Content too large",
        415 => "Unsupported media type",
        501 => "Not implemented",
        422 => "Unprocessable content",
        428 => "Precondition required",
        503 => "Service unavailable",
        >= 500 => "Internal server error",
        _ => "Request failed",
    };

    /// <summary>400 listing every invalid field at once, keyed by its JSON path.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(
            errors,
            detail: detail ?? $"{errors.Count} field(s) are invalid: {string.Join(", ", errors.Keys)}.",
            title: "One or more fields are invalid");

    public static ProblemHttpResult Status(int status, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: TitleFor(status), extensions: extensions);

    public static ProblemHttpResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Status(StatusCodes.Status409Conflict, detail, extensions);

    /// <summary>The ProblemDetails type itself, for OpenAPI metadata.</summary>
    public static Type SchemaType => typeof(ProblemDetails);
}
