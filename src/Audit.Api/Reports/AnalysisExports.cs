using Audit.Application.Reports;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Reports.Exports.Analysis;

namespace Audit.Api.Reports;

/// <summary>
/// The analysis exports for R, SPSS and Stata (<see cref="ExportAnalysisData"/> decides who gets them and records each
/// download; <see cref="AnalysisZip"/> writes the files). To anyone but the bureau they do not exist (404).
/// </summary>
public static class AnalysisExports
{
    private const string RoundDescription =
        "The round's answers for statistical software, as a zip: answers-wide.csv (one row per participation, numeric codes), " +
        "answers-long.csv (one row per participation and variable), codebook.csv, load.R, load.sps (SPSS), load.do (Stata) and README.txt " +
        "(round, questionnaire version, data fingerprint, the variable naming rule). Missing codes: -8 not applicable, -9 not shown. " +
        "Accepted participations only, unless `include=submitted`. The bureau only (others get 404); every download is on the audit trail.";

    private const string TrendDescription =
        "Two or more rounds (`rounds`, comma-separated) in one analysis zip with a `round` column, for the questions all of them ask " +
        "with the same key and type; `institution_id` matches an institution across rounds. A list naming fewer than two rounds, an " +
        "unknown round, or rounds without a shared question answers 400 naming each problem. The bureau only (others get 404); " +
        "every download is on the audit trail.";

    public static IEndpointRouteBuilder MapAnalysisExports(this IEndpointRouteBuilder routes)
    {
        // Signed in is enough to get this far: the use case answers 404 to anyone but the bureau, as for the deep-dive.
        var group = routes.MapGroup("/api/v1").WithTags("Reports").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/rounds/{roundId}/exports/analysis.zip", RoundZipAsync).WithName("ExportAnalysis")
            .DocumentedAsAnalysisZip(RoundDescription).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/exports/trend.zip", TrendZipAsync).WithName("ExportTrend")
            .DocumentedAsAnalysisZip(TrendDescription).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> RoundZipAsync(
        string roundId, ClaimsPrincipal principal, ExportAnalysisData export, CancellationToken cancellationToken, string? include = null) =>
        (await export.ExecuteAsync(principal.ToCaller(), roundId, include, cancellationToken)).ToResults(data =>
            TypedResults.File(AnalysisZip.ToBytes(ToExport(data)), AnalysisZip.ContentType, $"analyse-{roundId}.zip"));

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> TrendZipAsync(
        ClaimsPrincipal principal, ExportAnalysisData export, CancellationToken cancellationToken, string? rounds = null, string? include = null) =>
        (await export.TrendAsync(principal.ToCaller(), rounds, include, cancellationToken)).ToResults(data =>
            TypedResults.File(AnalysisZip.ToBytes(ToExport(data)), AnalysisZip.ContentType,
                $"trend-{string.Join("-", data.Rounds.Select(r => r.Round.Round.Id))}.zip"));

    /// <summary>The use case's data as the file builder takes it; a trend's variables are the questions the rounds share.</summary>
    public static AnalysisExport ToExport(AnalysisData data)
    {
        var definition = data.Rounds.Count == 1
            ? new TrendDefinition(data.Rounds[0].Questionnaire, [])
            : TrendQuestionnaire.Merge([.. data.Rounds.Select(r => r.Questionnaire)]);
        var rounds = data.Rounds.Select(r => new AnalysisRound(r.Round.Round.Id, r.Round.Round.Title, r.Questionnaire.Key, r.Questionnaire.Version)).ToList();
        var records = data.Rounds.SelectMany(r => r.Rows.Select(row => new AnalysisRecord(
            r.Round.Round.Id, row.Participation.Id, row.Participation.InstitutionId, row.Participation.InstitutionName,
            row.Participation.InstitutionType.ToWireName(), row.Participation.Status.ToWireName(), r.Questionnaire, row.Answers))).ToList();
        return new AnalysisExport(rounds, definition.Questionnaire, records, data.GeneratedAt, data.GeneratedBy, data.IncludesSubmitted)
        {
            LeftOut = definition.LeftOut,
        };
    }
}
