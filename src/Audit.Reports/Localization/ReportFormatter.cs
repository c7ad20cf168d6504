using Audit.Core.Time;
namespace Audit.Reports.Localization;

/// <summary>
/// The formatting helpers templates call as <c>fmt.*</c>. Missing values print as an en dash; suppressed values are
/// the template's business (it prints "×"), because only it knows whether a null means "suppressed" or "none".
/// </summary>
public sealed class ReportFormatter(ReportLanguage language)
{
    public const string Missing = "–";

    private readonly CultureInfo culture = ReportCulture.For(language);

    public ReportLanguage Language { get; } = language;

    public CultureInfo Culture => culture;

    /// <summary>A number with group separators; with <paramref name="decimals"/> fixed, otherwise up to two decimals.</summary>
    public string Number(decimal? value, int? decimals = null)
    {
        if (value is not { } v)
        {
            return Missing;
        }
        var format = decimals is { } d ? "#,##0" + (d > 0 ? "." + new string('0', d) : "") : "#,##0.##";
        return v.ToString(format, culture);
    }

    /// <summary>A percentage given on a 0–100 scale (as the sector view carries it), with one decimal by default.</summary>
    public string Percent(decimal? value, int decimals = 1) =>
        value is null ? Missing : Number(value, decimals) + "%";

    /// <summary>A signed difference, "+0,25" or "−0,25" (with a real minus sign), for trends; decimals as in <see cref="Number"/>.</summary>
    public string Delta(decimal? value, int? decimals = null)
    {
        if (value is not { } v)
        {
            return Missing;
        }
        var magnitude = Number(Math.Abs(v), decimals);
        return v > 0 ? "+" + magnitude : v < 0 ? "\u2212" + magnitude : magnitude;
    }

    /// <summary>A calendar date in the Netherlands: "22 november 2026" / "22 November 2026".</summary>
    public string Date(DateTimeOffset? value) =>
        value is { } v ? AmsterdamTime.Format(v, "d MMMM yyyy", culture) : Missing;

    /// <summary>
    /// A moment as read in the Netherlands (Europe/Amsterdam, whatever the server's own zone): readers of the pages,
    /// mails and reports are Dutch institutions, the bureau and the ministry.
    /// </summary>
    public string DateTime(DateTimeOffset? value) =>
        value is { } v ? AmsterdamTime.Format(v, DateTimePattern, culture) : Missing;

    /// <summary>How <see cref="DateTime"/> writes a moment, "29 maart 2026, 03:30"; pages that format in C# use <see cref="DateTime"/> too.</summary>
    public const string DateTimePattern = "d MMMM yyyy, HH:mm";

    /// <summary>ISO 8601 in UTC, for machine-readable attributes such as &lt;time datetime&gt;.</summary>
    public static string Iso(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    /// <summary>Fills "{0}", "{1}" … in a resource text; the result is escaped as a whole when written.</summary>
    public string Fill(string pattern, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(values);
        var formatted = values.Select(v => v switch
        {
            null => Missing,
            decimal d => Number(d),
            double d => Number((decimal)d),
            int i => Number(i),
            long l => Number(l),
            DateTimeOffset t => Date(t),
            IFormattable f => f.ToString(null, culture),
            _ => v.ToString() ?? "",
        }).ToArray<object?>();
        return string.Format(culture, pattern, formatted);
    }
}
