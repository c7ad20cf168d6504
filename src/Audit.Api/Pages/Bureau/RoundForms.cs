using System.Globalization;
using Audit.Api.Invitations;
using Audit.Reports.Localization;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// Times on the round forms: people enter and read them in Dutch time (Europe/Amsterdam, summer time included); the
/// service stores UTC. A form field holds <c>yyyy-MM-ddTHH:mm</c> (what <c>input type="datetime-local"</c> sends; a
/// space instead of the T and seconds are taken too, for browsers that show a plain text box).
/// </summary>
public static class AmsterdamTime
{
    private static readonly TimeZoneInfo Zone = Find();

    private static readonly string[] LocalFormats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>The value for a datetime-local field.</summary>
    public static string Input(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The moment as read in the Netherlands, e.g. "31 maart 2026 om 23:59".</summary>
    public static string Show(DateTimeOffset moment, ReportLanguage language) => RoundMailTexts.When(moment, language);

    /// <summary>
    /// The UTC moment of a Dutch wall-clock time; false for text that is not one, and for the hour that does not exist
    /// when the clocks go forward. An hour that happens twice (clocks back) is read as the first, summer-time one.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (!DateTime.TryParseExact(text?.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || Zone.IsInvalidTime(local))
        {
            return false;
        }
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        utc = new DateTimeOffset(local, offset).ToUniversalTime();
        return true;
    }

    /// <summary>A date field (<c>yyyy-MM-dd</c>, what <c>input type="date"</c> sends).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Only on a machine without tzdata, like the mails: times are then read and shown as UTC.
            return TimeZoneInfo.Utc;
        }
    }
}
