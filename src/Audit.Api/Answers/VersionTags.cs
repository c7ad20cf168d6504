using System.Globalization;


namespace Audit.Api.Answers;

/// <summary>
/// Strong ETags that are a record's version number, quoted (<c>"3"</c>), and the If-Match header that names them.
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

    /// <summary>
    /// If-Match as the use cases take it (RFC 9110 §13.1.1: <c>"*" / #entity-tag</c>, the field lines joined as one
    /// list): <c>*</c>, the strong versions it names, or malformed. A well-formed tag that cannot match one of our
    /// ETags (weak, not a positive version as we write it, e.g. <c>W/"1"</c>, <c>"0"</c>, <c>"abc"</c>) is left out of
    /// the set, so it fails the precondition (412) like any other stale tag; only a header that is not this grammar is
    /// malformed, which the use case refuses (400) after its access check.
    /// </summary>
    public static VersionPrecondition ReadIfMatch(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return VersionPrecondition.Absent;
        }
        var text = string.Join(',', values.Select(v => v ?? ""));
        if (text.Trim(' ', '\t') == "*")
        {
            return VersionPrecondition.Any;
        }
        var versions = new List<int>();
        var tags = 0;
        var i = 0;
        while (true)
        {
            i = SkipWhiteSpace(text, i);
            if (i == text.Length)
            {
                break;
            }
            if (text[i] == ',')
            {
                i++; // empty list elements are allowed (RFC 9110 §5.6.1)
                continue;
            }
            var weak = text.AsSpan(i).StartsWith("W/", StringComparison.Ordinal);
            i += weak ? 2 : 0;
            if (i == text.Length || text[i] != '"')
            {
                return VersionPrecondition.Malformed;
            }
            var start = ++i;
            while (i < text.Length && text[i] != '"')
            {
                if (!IsEtagChar(text[i++]))
                {
                    return VersionPrecondition.Malformed;
                }
            }
            if (i == text.Length)
            {
                return VersionPrecondition.Malformed;
            }
            var opaque = text[start..i++];
            tags++;
            // Strong comparison is character by character, so only the exact text of one of our ETags can match.
            if (!weak && int.TryParse(opaque, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1
                && opaque == version.ToString(CultureInfo.InvariantCulture))
            {
                versions.Add(version);
            }
            i = SkipWhiteSpace(text, i);
            if (i < text.Length && text[i] != ',')
            {
                return VersionPrecondition.Malformed;
            }
        }
        return tags == 0 ? VersionPrecondition.Malformed : VersionPrecondition.OneOf(versions);
    }

    private static int SkipWhiteSpace(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
        return i;
    }

    /// <summary>etagc = %x21 / %x23-7E / obs-text.</summary>
    private static bool IsEtagChar(char c) => c == '\x21' || c is >= '\x23' and <= '\x7E' || c is >= '\x80' and <= '\xFF';
}
