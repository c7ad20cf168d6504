using System.Data;
using System.Globalization;

namespace Audit.Data.Rounds;

/// <summary>
/// A round's reference date as stored: ISO text (yyyy-MM-dd) on every engine, since it is a calendar date and not a
/// moment, and text is the one type no driver shifts by a time zone. The text also sorts as the date does.
/// </summary>
public static class ReferenceDates
{
    private const string Pattern = "yyyy-MM-dd";

    public static string? Format(DateOnly? date) => date?.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? text, string roundId) =>
        text is null ? null
        : DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new DataException($"Round {roundId} has a reference date that is not yyyy-MM-dd: '{text}'.");
}
