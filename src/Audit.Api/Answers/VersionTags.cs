using System.Globalization;


namespace Audit.Api.Answers;

/// <summary>
/// Strong ETags that are a record's version number, quoted (<c>"3"</c>), and the If-Match header that names one.
/// Optimistic concurrency for answers and findings: a writer states the version it saw.
/// </summary>
public static class VersionTags
{
    public static string Format(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void Set(HttpResponse response, int version) => response.Headers.ETag = Format(version);

    /// <summary>
    /// The ETag after a write: the version <paramref name="saved"/> names, or, when the write was refused as stale or
    /// for want of If-Match, the version it is at now, so the client can compare and write again knowingly.
    /// </summary>
    public static void Set<T>(HttpResponse response, Outcome<T> outcome, Func<T, int?> saved)
    {
        var version = outcome.TryGetValue(out var value, out var failure) ? saved(value) : failure switch
        {
            Failure.Stale stale => stale.CurrentVersion,
            Failure.PreconditionRequired required => required.CurrentVersion,
            _ => null,
        };
        if (version is { } v)
        {
            Set(response, v);
        }
    }

    /// <summary>If-Match as the use cases take it; the use case refuses a malformed one after its access check.</summary>
    public static VersionPrecondition ReadIfMatch(HttpRequest request) =>
        !TryReadIfMatch(request, out var version) ? VersionPrecondition.Malformed
        : version is { } v ? VersionPrecondition.Of(v) : VersionPrecondition.Absent;

    /// <summary>
    /// False when If-Match is present but is not one quoted version (a list or <c>*</c> is not supported: a
    /// writer always knows which version it edited). <paramref name="version"/> is null when the header is absent.
    /// </summary>
    public static bool TryReadIfMatch(HttpRequest request, out int? version)
    {
        version = null;
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return true;
        }
        if (values.Count > 1)
        {
            return false;
        }
        var text = (values[0] ?? "").Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }
        if (text.Length < 3 || text[0] != '"' || text[^1] != '"'
            || !int.TryParse(text[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
        {
            return false;
        }
        version = parsed;
        return true;
    }
}
