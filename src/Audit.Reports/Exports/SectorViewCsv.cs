using CsvHelper;

namespace Audit.Reports.Exports;

/// <summary>
/// The published statistics of one sector as open data: CSV in long format (one row per statistic, see
/// <see cref="SectorStatisticRows"/>), UTF-8 with a byte order mark so spreadsheet programs read the accents right.
/// </summary>
/// <remarks>
/// The separator is ';' by default, which Dutch spreadsheet settings expect, or ','. Numbers are always written with
/// a decimal point (invariant culture) whatever the separator, so that scripts read them the same way: the file is
/// data, not a formatted table. Withheld values are empty, with <c>suppressed</c> true and a <c>reason</c>.
/// </remarks>
public static class SectorViewCsv
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const char Semicolon = ';';
    public const char Comma = ',';

    /// <summary>The header, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "round_id", "institution_type", "questionnaire_key", "questionnaire_version",
        "level", "theme", "question", "question_type", "statistic", "option", "row", "column",
        "value", "suppressed", "reason",
    ];

    /// <summary>Writes the CSV of a published view to <paramref name="output"/>, which stays open.</summary>
    public static void Write(Stream output, Questionnaire questionnaire, SectorView published, char separator = Semicolon)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (separator is not (Semicolon or Comma))
        {
            throw new ArgumentOutOfRangeException(nameof(separator), separator, "The separator is ';' or ','.");
        }
        var rows = SectorStatisticRows.Of(questionnaire, published); // checks the view before anything is written
        var options = CsvWriterOptions.Default with
        {
            Separator = separator,
            WriteByteOrderMark = true,
            TrueValue = "true",
            FalseValue = "false",
            // Every text field here is a key from the questionnaire; escaping formula starts costs nothing and
            // keeps a hostile key from running in a spreadsheet.
            Injection = CsvInjection.Escape,
        };
        using var writer = CsvWriter.Create(output, options, leaveOpen: true);
        writer.WriteHeader([.. Columns]);
        var view = published;
        foreach (var row in rows)
        {
            writer.WriteField(view.RoundId);
            writer.WriteField(view.InstitutionType);
            writer.WriteField(view.Questionnaire.Key);
            writer.WriteField(view.Questionnaire.Version);
            writer.WriteField(row.Level);
            writer.WriteField(row.Theme);
            writer.WriteField(row.Question);
            writer.WriteField(row.QuestionType);
            writer.WriteField(row.Statistic);
            writer.WriteField(row.Option);
            writer.WriteField(row.Row);
            writer.WriteField(row.Column);
            if (row.Value is { } value)
            {
                writer.WriteField(value, default);
            }
            else
            {
                writer.WriteField((string?)null);
            }
            writer.WriteField(row.Suppressed);
            writer.WriteField(row.Reason);
            writer.EndRecord();
        }
    }

    public static byte[] ToBytes(Questionnaire questionnaire, SectorView published, char separator = Semicolon)
    {
        using var buffer = new MemoryStream();
        Write(buffer, questionnaire, published, separator);
        return buffer.ToArray();
    }
}
