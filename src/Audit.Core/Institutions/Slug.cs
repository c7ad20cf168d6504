using System.Text.RegularExpressions;

namespace Audit.Core.Institutions;

/// <summary>
/// Short stable identifiers (institution ids, round ids): lowercase letters, digits and hyphens,
/// not starting with a hyphen. They appear in URLs and file names, so they must never need escaping.
/// </summary>
internal static partial class Slug
{
    // \A and \z instead of ^ and $: '$' also matches before a trailing newline, which would let "uva\n" through.
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public const string FormatDescription =
        "must consist of lowercase letters, digits and hyphens, and start with a letter or digit";

    /// <summary>
    /// Words the bureau's pages use as path segments where an id would stand (<c>/bureau/rondes/nieuw</c>,
    /// <c>/bureau/instellingen/importeren</c>): an institution or round with such an id could never be opened.
    /// </summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "nieuw", "importeren" };

    public static bool IsValid(string value) => Pattern().IsMatch(value);

    /// <summary>Adds the errors for a required slug field: missing, too long, or badly formed.</summary>
    public static void Validate(string? value, string field, int maxLength, List<FieldError> errors, bool required = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
                errors.Add(new(field, "is required"));
            return;
        }
        if (value.Length > maxLength)
            errors.Add(new(field, $"must be at most {maxLength} characters"));
        if (!IsValid(value))
            errors.Add(new(field, FormatDescription));
        else if (Reserved.Contains(value))
            errors.Add(new(field, $"'{value}' is reserved: a page of the service has that name"));
    }
}
