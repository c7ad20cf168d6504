namespace Audit.Core.Institutions;

/// <summary>
/// A validation error on one input field. <see cref="Field"/> is the camelCase (dotted for nested values)
/// name the API uses on the wire, so errors map one-to-one onto a validation problem's "errors" object.
/// </summary>
/// <remarks>
/// Shared by the institution and round rules. It lives here only because of folder ownership;
/// it is a candidate for a common Audit.Core namespace.
/// </remarks>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

public static class FieldErrors
{
    /// <summary>Groups errors per field, in the shape ASP.NET's ValidationProblem expects.</summary>
    public static Dictionary<string, string[]> ToDictionary(IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.GroupBy(e => e.Field, StringComparer.Ordinal)
                     .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
    }
}
