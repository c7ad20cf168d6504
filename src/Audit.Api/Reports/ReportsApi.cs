using Audit.Application.Reports;
using Audit.Reports.Localization;

namespace Audit.Api.Reports;

/// <summary>
/// Reports and exports. The feedback report, and the board summary condensed from it, are confidential: the bureau always (each read on record), the
/// institution's own respondents once the round is published, the ministry never. The sector and parliament reports
/// and the CSV hold published statistics only: the bureau always, the ministry once the round is published.
/// Respondents get neither: their feedback report already sets them against their sector's published view, and the
/// sector report is the ministry's document to parliament, not theirs. The answers workbook names institutions:
/// the bureau only. Reports answer HTML, or PDF with <c>Accept: application/pdf</c> or <c>?format=pdf</c>; <c>?lang=en</c> for English.
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder routes)
    {
        var feedback = routes.MapGroup("/api/v1").WithTags("Reports").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Respondent));
        feedback.MapGet("/participations/{participationId}/feedback-report", FeedbackReportAsync).WithName("GetFeedbackReport")
            .DocumentedAsReport().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        feedback.MapGet("/participations/{participationId}/board-summary", BoardSummaryAsync).WithName("GetBoardSummary")
            .DocumentedAsReport().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var published = routes.MapGroup("/api/v1").WithTags("Reports").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Ministry));
        published.MapGet("/rounds/{roundId}/sector-views/{institutionType}/report", SectorReportAsync).WithName("GetSectorReport")
            .DocumentedAsReport().ProducesProblem(StatusCodes.Status404NotFound);
        published.MapGet("/rounds/{roundId}/parliament-report", ParliamentReportAsync).WithName("GetParliamentReport")
            .DocumentedAsReport().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        published.MapGet("/cycles/{cycle}/parliament-report", NationalReportAsync).WithName("GetNationalReport")
            .DocumentedAsReport().ProducesProblem(StatusCodes.Status404NotFound);
        published.MapGet("/rounds/{roundId}/sector-views/{institutionType}/statistics.csv", ReportExports.SectorCsvAsync).WithName("ExportSectorStatistics")
            .DocumentedAsCsv().ProducesProblem(StatusCodes.Status404NotFound);
        // The short form of the address above. A file extension on a path parameter cannot be written in kebab-case
        // as the API Design Rules lint it, so only the long form is in the OpenAPI document.
        published.MapGet("/rounds/{roundId}/sector-views/{institutionType}.csv", ReportExports.SectorCsvAsync).ExcludeFromDescription();

        var bureau = routes.MapGroup("/api/v1").WithTags("Reports").RequireAuthorization(Policies.Bureau);
        bureau.MapGet("/rounds/{roundId}/exports/answers.xlsx", ReportExports.AnswersXlsxAsync).WithName("ExportAnswers")
            .DocumentedAsWorkbook().ProducesProblem(StatusCodes.Status404NotFound);
        bureau.MapPost("/rounds/{roundId}/reports/render", RenderAsync).WithName("RenderReports").ProducesProblem(StatusCodes.Status404NotFound);
        bureau.MapGet("/rounds/{roundId}/reports", ListRenderedAsync).WithName("ListRenderedReports").ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapAnalysisExports();
        return routes;
    }

    /// <summary>What every report handler answers with: the request, the view-model mapping and the delivery of the file.</summary>
    public sealed record ReportOutput(HttpContext Http, ReportPreparation Prepare, ReportDelivery Delivery);

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> FeedbackReportAsync(
        string participationId, ClaimsPrincipal principal, ReadFeedbackReport read, [AsParameters] ReportOutput output, CancellationToken cancellationToken,
        string? lang = null, string? format = null)
    {
        var caller = principal.ToCaller();
        return await output.Delivery.RespondAsync(output.Http, lang, format, () => read.ExecuteAsync(caller, participationId, cancellationToken),
            output.Prepare.Feedback, (report, reportFormat) => read.RecordDeliveredAsync(caller, participationId,
                $"{report.Language.Code()} {reportFormat.Code()} {report.Fingerprint}", cancellationToken), cancellationToken);
    }

    /// <summary>The board conversation pack: the feedback report's access, languages, formats and headers, two pages long.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> BoardSummaryAsync(
        string participationId, ClaimsPrincipal principal, ReadBoardSummary read, [AsParameters] ReportOutput output, CancellationToken cancellationToken,
        string? lang = null, string? format = null)
    {
        var caller = principal.ToCaller();
        return await output.Delivery.RespondAsync(output.Http, lang, format, () => read.ExecuteAsync(caller, participationId, cancellationToken),
            output.Prepare.BoardSummary, (report, reportFormat) => read.RecordDeliveredAsync(caller, participationId,
                $"{report.Language.Code()} {reportFormat.Code()} {report.Fingerprint}", cancellationToken), cancellationToken);
    }

    public static Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> SectorReportAsync(
        string roundId, string institutionType, ClaimsPrincipal principal, ReadSectorReport read, [AsParameters] ReportOutput output,
        CancellationToken cancellationToken, string? lang = null, string? format = null) =>
        output.Delivery.RespondAsync(output.Http, lang, format, () => read.ExecuteAsync(principal.ToCaller(), roundId, institutionType, cancellationToken),
            output.Prepare.Sector, null, cancellationToken);

    public static Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ParliamentReportAsync(
        string roundId, ClaimsPrincipal principal, ReadParliamentReport read, [AsParameters] ReportOutput output, CancellationToken cancellationToken,
        string? lang = null, string? format = null) =>
        output.Delivery.RespondAsync(output.Http, lang, format, () => read.ExecuteAsync(principal.ToCaller(), roundId, cancellationToken),
            output.Prepare.Parliament, null, cancellationToken);

    /// <summary>The national report of an audit cycle: every published round of it, approved texts only.</summary>
    public static Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> NationalReportAsync(
        string cycle, ClaimsPrincipal principal, ReadNationalReport read, [AsParameters] ReportOutput output, CancellationToken cancellationToken,
        string? lang = null, string? format = null) =>
        output.Delivery.RespondAsync(output.Http, lang, format, () => read.ExecuteAsync(principal.ToCaller(), cycle, cancellationToken),
            output.Prepare.National, null, cancellationToken);

    /// <summary>Enqueues the render job; the stored files appear under the status link as the job makes them.</summary>
    public static async Task<Results<Accepted<RenderRequestedResponse>, ProblemHttpResult>> RenderAsync(
        string roundId, ClaimsPrincipal principal, RenderRoundReports render, CancellationToken cancellationToken) =>
        (await render.ExecuteAsync(principal.ToCaller(), roundId, fromWebPage: false, cancellationToken)).ToResult(requested =>
        {
            var status = $"/api/v1/rounds/{roundId}/reports";
            return TypedResults.Accepted(status, new RenderRequestedResponse(requested.JobId, roundId, "enqueued", status));
        });

    public static async Task<Results<Ok<RenderedReportList>, ProblemHttpResult>> ListRenderedAsync(
        string roundId, ClaimsPrincipal principal, RenderRoundReports render, CancellationToken cancellationToken) =>
        (await render.ListAsync(principal.ToCaller(), roundId, cancellationToken)).ToResult(items =>
            TypedResults.Ok(new RenderedReportList(roundId, [.. items.Select(RenderedReportResponse.From)])));
}
