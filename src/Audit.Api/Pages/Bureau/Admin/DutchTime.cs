using System.Globalization;
using Audit.Reports.Localization;

namespace Audit.Api.Pages.Bureau.Admin;

/// <summary>
/// Times on the admin pages as people in the Netherlands read and type them: shown and entered in Europe/Amsterdam,
/// stored and compared in UTC.
/// </summary>
public static class DutchTime
{
    private static readonly TimeZoneInfo Zone = Find();

    /// <summary>"6 december 2026, 10:05" in Dutch time.</summary>
    public static string Format(DateTimeOffset moment, ReportLanguage language) =>
        TimeZoneInfo.ConvertTime(moment, Zone).ToString("d MMMM yyyy, HH:mm", ReportCulture.For(language));

    /// <summary>The date as typed in a date field (yyyy-mm-dd), or null.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Midnight at the start of <paramref name="date"/> in Dutch time, as a moment.</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Only on a machine without tzdata: times are then shown in UTC, an hour or two off, never lost.
            return TimeZoneInfo.Utc;
        }
    }
}
