namespace Audit.Reports.Localization;

/// <summary>
/// Number and date formats per report language. Built from the invariant culture with the conventions spelled out,
/// instead of <c>CultureInfo("nl-NL")</c>: ICU's data differs between versions and machines, and a report must
/// render to the same bytes on a developer's laptop, in CI and in production.
/// </summary>
public static class ReportCulture
{
    private static readonly string[] DutchMonths =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december", ""];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", ""];

    private static readonly CultureInfo Dutch = Build(decimalSeparator: ",", groupSeparator: ".", DutchMonths);
    private static readonly CultureInfo English = Build(decimalSeparator: ".", groupSeparator: ",", EnglishMonths);

    public static CultureInfo For(ReportLanguage language) => language switch
    {
        ReportLanguage.Nl => Dutch,
        ReportLanguage.En => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    private static CultureInfo Build(string decimalSeparator, string groupSeparator, string[] months)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var numbers = culture.NumberFormat;
        numbers.NumberDecimalSeparator = decimalSeparator;
        numbers.NumberGroupSeparator = groupSeparator;
        numbers.PercentDecimalSeparator = decimalSeparator;
        numbers.PercentGroupSeparator = groupSeparator;
        numbers.NegativeSign = "-";
        var dates = culture.DateTimeFormat;
        dates.MonthNames = months;
        dates.MonthGenitiveNames = months;
        return CultureInfo.ReadOnly(culture);
    }
}
