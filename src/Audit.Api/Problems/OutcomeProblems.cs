namespace Audit.Api.Problems;

/// <summary>
/// The one place where a use case's <see cref="Failure"/> becomes an HTTP answer: its status for the pages, its
/// problem document for the API. Extensions hold domain objects; <c>present</c> turns them into the wire shape.
/// </summary>
public static class OutcomeProblems
{
    public static int StatusOf(Failure failure) => failure switch
    {
        Failure.NotFound => StatusCodes.Status404NotFound,
        Failure.Forbidden => StatusCodes.Status403Forbidden,
        Failure.Invalid => StatusCodes.Status400BadRequest,
        Failure.Conflict => StatusCodes.Status409Conflict,
        Failure.Stale => StatusCodes.Status412PreconditionFailed,
        Failure.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        Failure.TooLarge => StatusCodes.Status413PayloadTooLarge,
        Failure.Unsupported => StatusCodes.Status415UnsupportedMediaType,
        Failure.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "A failure kind without a status."),
    };

    /// <summary>The problem document; an <see cref="Invalid"/> lists its errors as a validation problem does.</summary>
    public static ProblemHttpResult Problem(Failure failure, Func<object?, object?>? present = null)
    {
        var extensions = Present(failure, present);
        if (failure is Failure.Invalid invalid)
        {
            var problem = new HttpValidationProblemDetails(invalid.Errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest, Title = ValidationTitle, Detail = invalid.Detail,
            };
            return TypedResults.Problem(problem);
        }
        return ApiProblems.Status(StatusOf(failure), failure.Detail, extensions);
    }

    /// <summary>For endpoints that declare a validation problem apart: 400 as <see cref="ValidationProblem"/>, else a problem.</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> ToResults<T, TOk>(
        this Outcome<T> outcome, Func<T, TOk> ok, Func<object?, object?>? present = null) where TOk : IResult
    {
        if (outcome.TryGetValue(out var value, out var failure))
        {
            return ok(value);
        }
        return failure is Failure.Invalid invalid ? ApiProblems.Validation(invalid.Errors.ToDictionary(), invalid.Detail) : Problem(failure, present);
    }

    /// <summary>For endpoints whose only refusals are problems.</summary>
    public static Results<TOk, ProblemHttpResult> ToResult<T, TOk>(
        this Outcome<T> outcome, Func<T, TOk> ok, Func<object?, object?>? present = null) where TOk : IResult =>
        outcome.TryGetValue(out var value, out var failure) ? ok(value) : Problem(failure, present);

    private const string ValidationTitle = "One or more fields are invalid";

    private static Dictionary<string, object?>? Present(Failure failure, Func<object?, object?>? present) =>
        failure.Extensions?.ToDictionary(e => e.Key, e => present is null ? e.Value : present(e.Value));
}
