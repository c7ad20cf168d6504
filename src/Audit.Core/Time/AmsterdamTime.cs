using System.Globalization;

namespace Audit.Core.Time;

/// <summary>
/// Dutch time (Europe/Amsterdam, summer time included): people read and type times in it, the service stores and
/// compares UTC. The one place that knows the zone, for pages, mails and reports alike.
/// </summary>
public static class AmsterdamTime
{
    /// <summary>The zone; UTC only on a machine without time-zone data, where times are then an hour or two early, never lost.</summary>
    public static TimeZoneInfo Zone { get; } = Find();

    private static readonly string[] LocalFormats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>The wall-clock time in the Netherlands at <paramref name="moment"/>.</summary>
    public static DateTime ToLocal(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone).DateTime;

    /// <summary>
    /// A moment as Dutch people read it, in <paramref name="pattern"/> (a .NET date format) and <paramref name="culture"/>:
    /// the one formatter behind <c>fmt.date</c>/<c>fmt.datetime</c> on pages and in reports, and behind the times in mails.
    /// </summary>
    public static string Format(DateTimeOffset moment, string pattern, IFormatProvider culture) => ToLocal(moment).ToString(pattern, culture);

    /// <summary>
    /// The moment of a Dutch wall-clock time, as <see cref="TryParse"/> reads it: the hour skipped when the clocks go
    /// forward is taken as the hour after it, an hour that happens twice as the first (summer-time) one.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The value for an <c>input type="datetime-local"</c> field: <c>yyyy-MM-ddTHH:mm</c> in Dutch time.</summary>
    public static string Input(DateTimeOffset moment) => Format(moment, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The UTC moment of a Dutch wall-clock time as a form sends it (<c>yyyy-MM-ddTHH:mm</c>; a space for the T and
    /// seconds are taken too); false for text that is not one, and for the hour that does not exist when the clocks go
    /// forward. An hour that happens twice (clocks back) is read as the first, summer-time one.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (!DateTime.TryParseExact(text?.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || Zone.IsInvalidTime(local))
        {
            return false;
        }
        utc = FromLocal(local);
        return true;
    }

    /// <summary>A date field (<c>yyyy-MM-dd</c>, what <c>input type="date"</c> sends).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

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
            return TimeZoneInfo.Utc;
        }
    }
}
