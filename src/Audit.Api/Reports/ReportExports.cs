using Audit.Application.Reports;
using Audit.Core.Institutions;
using Audit.Reports.Exports;

namespace Audit.Api.Reports;

/// <summary>
/// The exports: a sector's published statistics as open-data CSV (<see cref="ReadSectorReport.ExportAsync"/>), and the
/// round's raw answers as a workbook for the bureau (<see cref="ExportRoundAnswers"/>). The use cases decide who gets
/// them and put each export on the audit trail; here the files are written.
/// </summary>
public static class ReportExports
{
    public const string CsvDescription =
        "The published statistics of one sector in long format (one row per statistic), UTF-8 with a byte order mark. " +
        "`separator` is `semicolon` (default, as Dutch spreadsheet settings expect) or `comma`; numbers always use a decimal point. " +
        "Withheld values are empty, with `suppressed` true and a `reason`. Also served at `/rounds/{roundId}/sector-views/{institutionType}.csv`.";

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> SectorCsvAsync(
        string roundId, string institutionType, ClaimsPrincipal principal, ReadSectorReport read, CancellationToken cancellationToken,
        string? separator = null)
    {
        if (!TryParseSeparator(separator, out var character))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["separator"] = ["separator must be 'semicolon' (;) or 'comma' (,)."] });
        }
        return (await read.ExportAsync(principal.ToCaller(), roundId, institutionType, cancellationToken)).ToResults(data => TypedResults.File(
            SectorViewCsv.ToBytes(data.Questionnaire, data.Sector.View, character), SectorViewCsv.ContentType, $"sectorbeeld-{roundId}-{institutionType}.csv"));
    }

    /// <summary>Every participation of the round, whatever its status (the sheet says it), with its current answers.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AnswersXlsxAsync(
        string roundId, ClaimsPrincipal principal, ExportRoundAnswers export, CancellationToken cancellationToken) =>
        (await export.ExecuteAsync(principal.ToCaller(), roundId, cancellationToken)).ToResult(data => TypedResults.File(
            AnswersXlsx.ToBytes(data.Questionnaire, new AnswersExportInfo(data.Round.Round, data.GeneratedAt, data.GeneratedBy),
                [.. data.Rows.Select(r => new InstitutionAnswers(
                    new Institution(r.Participation.InstitutionId, r.Participation.InstitutionName, r.Participation.InstitutionType),
                    r.Participation.Status, r.Answers))]),
            AnswersXlsx.ContentType, $"antwoorden-{roundId}.xlsx"));

    /// <summary>Missing means ';'. The words are what a URL carries best; the characters themselves are accepted too.</summary>
    internal static bool TryParseSeparator(string? value, out char separator)
    {
        separator = SectorViewCsv.Semicolon;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "semicolon" or ";":
                return true;
            case "comma" or ",":
                separator = SectorViewCsv.Comma;
                return true;
            default:
                return false;
        }
    }
}
