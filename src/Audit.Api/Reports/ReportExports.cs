using System.Security.Claims;
using System.Text.Json;
using Audit.Api.Access;
using Audit.Api.Answers;
using Audit.Api.Problems;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Reports.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Reports;

/// <summary>
/// The exports: a sector's published statistics as open-data CSV, and the round's raw answers as a workbook for the
/// bureau. Every export is on the audit trail, whoever makes it: the file leaves the service and is not traced after.
/// The events are named as reads (<c>*.read-export</c>, like <c>sector-view.read-internal</c>): an export changes nothing.
/// </summary>
public static class ReportExports
{
    public const string CsvDescription =
        "The published statistics of one sector in long format (one row per statistic), UTF-8 with a byte order mark. " +
        "`separator` is `semicolon` (default, as Dutch spreadsheet settings expect) or `comma`; numbers always use a decimal point. " +
        "Withheld values are empty, with `suppressed` true and a `reason`. Also served at `/rounds/{roundId}/sector-views/{institutionType}.csv`.";

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> SectorCsvAsync(
        string roundId, string institutionType, ClaimsPrincipal principal, IRoundRepository rounds, ISectorViewRepository views,
        ReportSources sources, IAuditEventRepository audit, TimeProvider clock, CancellationToken cancellationToken, string? separator = null)
    {
        if (!TryParseSeparator(separator, out var character))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["separator"] = ["separator must be 'semicolon' (;) or 'comma' (,)."] });
        }
        var round = await ReportsApi.PublishedStatisticsRoundAsync(roundId, principal, rounds, cancellationToken);
        var view = round is null ? null : await views.GetCurrentAsync(roundId, institutionType, cancellationToken);
        if (round is null || view is null)
        {
            return ApiProblems.NotFound($"There is no sector view of '{institutionType}' in round '{roundId}' that you can see.");
        }
        var questionnaire = await sources.QuestionnaireAsync(round.Round, cancellationToken);
        var content = SectorViewCsv.ToBytes(questionnaire, SectorViewJson.Deserialize(view.PublishedJson), character);
        await audit.RecordAsync(principal.ToActor().Did("sector-view.read-export", "sector-view", $"{roundId}/{institutionType}", clock.GetUtcNow(),
            $"csv {view.Fingerprint}"), cancellationToken);
        return TypedResults.File(content, SectorViewCsv.ContentType, $"sectorbeeld-{roundId}-{institutionType}.csv");
    }

    /// <summary>Every participation of the round, whatever its status (the sheet says it), with its current answers.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AnswersXlsxAsync(
        string roundId, ClaimsPrincipal principal, IRoundRepository rounds, IParticipationRepository participations,
        IRoundAnswersReader answers, ReportSources sources, IAuditEventRepository audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(roundId, cancellationToken) is not { } round)
        {
            return ApiProblems.NotFound($"Round '{roundId}' does not exist.");
        }
        var questionnaire = await sources.QuestionnaireAsync(round.Round, cancellationToken);
        // One query for the round's answers, not one per participation; each participation's JSON is parsed as it streams.
        var values = new Dictionary<string, Dictionary<string, JsonElement>>(StringComparer.Ordinal);
        await foreach (var answered in answers.StreamAsync(roundId, cancellationToken))
        {
            values[answered.ParticipationId] = AnswerInput.Values(answered.ValuesJson);
        }
        var rows = new List<InstitutionAnswers>();
        await foreach (var participation in RoundParticipations.AllAsync(participations, roundId, cancellationToken))
        {
            rows.Add(new InstitutionAnswers(
                new Institution(participation.InstitutionId, participation.InstitutionName, participation.InstitutionType),
                participation.Status,
                values.GetValueOrDefault(participation.Id) ?? new Dictionary<string, JsonElement>(StringComparer.Ordinal)));
        }
        var actor = principal.ToActor();
        var now = clock.GetUtcNow();
        var content = AnswersXlsx.ToBytes(questionnaire, new AnswersExportInfo(round.Round, now, actor.Id ?? "unknown"), rows);
        await audit.RecordAsync(actor.Did("answers.read-export", "round", roundId, now, $"xlsx {rows.Count} participation(s)"), cancellationToken);
        return TypedResults.File(content, AnswersXlsx.ContentType, $"antwoorden-{roundId}.xlsx");
    }

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
