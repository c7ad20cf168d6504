namespace Audit.Reports.Localization;

/// <summary>The languages a report can be rendered in. Dutch is the default; English is asked for with <c>?lang=en</c>.</summary>
public enum ReportLanguage
{
    Nl,
    En,
}

public static class ReportLanguages
{
    public static IReadOnlyList<ReportLanguage> All { get; } = Enum.GetValues<ReportLanguage>();

    /// <summary>The code used in <c>?lang=</c>, in the resource file name (<c>i18n/nl.yaml</c>) and in <c>&lt;html lang&gt;</c>.</summary>
    public static string Code(this ReportLanguage language) => language switch
    {
        ReportLanguage.Nl => "nl",
        ReportLanguage.En => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    /// <summary>
    /// Parses a <c>?lang=</c> value. Missing or empty means Dutch; a region suffix (<c>nl-NL</c>, <c>en-GB</c>) is
    /// accepted and ignored. Anything else is refused, so a caller can answer 400 instead of guessing.
    /// </summary>
    public static bool TryParse(string? value, out ReportLanguage language)
    {
        language = ReportLanguage.Nl;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        var code = value.Trim();
        var dash = code.IndexOfAny(['-', '_']);
        if (dash > 0)
        {
            code = code[..dash];
        }
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code, StringComparison.OrdinalIgnoreCase))
            {
                language = candidate;
                return true;
            }
        }
        return false;
    }
}
