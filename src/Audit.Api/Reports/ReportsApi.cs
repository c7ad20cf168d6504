using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Answers;
using Audit.Api.Participations;
using Audit.Api.Problems;
using Audit.Application.Participations;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Reports;
using Audit.Core.Rounds;
using Audit.Reports.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Reports;

/// <summary>
/// Reports and exports. The feedback report is confidential: the bureau always (each read on record), the
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

        var published = routes.MapGroup("/api/v1").WithTags("Reports").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Ministry));
        published.MapGet("/rounds/{roundId}/sector-views/{institutionType}/report", SectorReportAsync).WithName("GetSectorReport")
            .DocumentedAsReport().ProducesProblem(StatusCodes.Status404NotFound);
        published.MapGet("/rounds/{roundId}/parliament-report", ParliamentReportAsync).WithName("GetParliamentReport")
            .DocumentedAsReport().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
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
        return routes;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> FeedbackReportAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, ParticipationScopes scopes, ReportSources sources,
        ReportDelivery delivery, IAuditEventRepository audit, TimeProvider clock, CancellationToken cancellationToken, string? lang = null, string? format = null)
    {
        if (ReportDelivery.Options(http.Request, lang, format, out var language, out var reportFormat) is { } invalid)
        {
            return invalid;
        }
        // Before publication the institution's own report does not exist for it, like any data it may not see.
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope
            || (principal.GetRole() == Role.Respondent && scope.Round.Round.Status != RoundStatus.Published))
        {
            return LegacyScopes.NotFound(participationId);
        }
        if (await sources.FeedbackAsync(scope, language, cancellationToken) is not { } report)
        {
            return ApiProblems.Conflict(
                $"The feedback report compares the institution with its sector, and the sector view of {scope.Participation.InstitutionType.ToWireName()} in round '{scope.Round.Round.Id}' has not been computed yet.");
        }
        var result = await delivery.DeliverAsync(http, report, reportFormat, cancellationToken);
        if (result.Result is FileContentHttpResult)
        {
            await LegacyScopes.RecordBureauReadAsync(principal, audit, "feedback-report.read", participationId,
                $"{language.Code()} {reportFormat.Code()} {report.Fingerprint}", clock, cancellationToken);
        }
        return result;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> SectorReportAsync(
        string roundId, string institutionType, HttpContext http, ClaimsPrincipal principal, IRoundRepository rounds, ReportSources sources,
        ReportDelivery delivery, CancellationToken cancellationToken, string? lang = null, string? format = null)
    {
        if (ReportDelivery.Options(http.Request, lang, format, out var language, out var reportFormat) is { } invalid)
        {
            return invalid;
        }
        var round = await PublishedStatisticsRoundAsync(roundId, principal, rounds, cancellationToken);
        if (round is null || await sources.SectorAsync(round, institutionType, language, cancellationToken) is not { } report)
        {
            return ApiProblems.NotFound($"There is no sector view of '{institutionType}' in round '{roundId}' that you can see.");
        }
        return await delivery.DeliverAsync(http, report, reportFormat, cancellationToken);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ParliamentReportAsync(
        string roundId, HttpContext http, ClaimsPrincipal principal, IRoundRepository rounds, ReportSources sources,
        ReportDelivery delivery, CancellationToken cancellationToken, string? lang = null, string? format = null)
    {
        if (ReportDelivery.Options(http.Request, lang, format, out var language, out var reportFormat) is { } invalid)
        {
            return invalid;
        }
        if (await PublishedStatisticsRoundAsync(roundId, principal, rounds, cancellationToken) is not { } round)
        {
            return ApiProblems.NotFound($"Round '{roundId}' has no report to parliament that you can see.");
        }
        if (await sources.ParliamentAsync(round, language, cancellationToken) is not { } report)
        {
            return ApiProblems.Conflict($"No sector view of round '{roundId}' has been computed yet; the report to parliament is made of them.");
        }
        return await delivery.DeliverAsync(http, report, reportFormat, cancellationToken);
    }

    /// <summary>Enqueues the render job; the stored files appear under the status link as the job makes them.</summary>
    public static async Task<Results<Accepted<RenderRequestedResponse>, ProblemHttpResult>> RenderAsync(
        string roundId, ClaimsPrincipal principal, IRoundRepository rounds, IReportRenderScheduler scheduler, IAuditEventRepository audit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(roundId, cancellationToken) is null)
        {
            return ApiProblems.NotFound($"Round '{roundId}' does not exist.");
        }
        var jobId = scheduler.Enqueue(roundId);
        await audit.RecordAsync(principal.ToActor().Did("reports.render-requested", "round", roundId, clock.GetUtcNow(), $"job {jobId}"), cancellationToken);
        var status = $"/api/v1/rounds/{roundId}/reports";
        return TypedResults.Accepted(status, new RenderRequestedResponse(jobId, roundId, "enqueued", status));
    }

    public static async Task<Results<Ok<RenderedReportList>, ProblemHttpResult>> ListRenderedAsync(
        string roundId, IRoundRepository rounds, IRenderedReportRepository stored, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(roundId, cancellationToken) is null)
        {
            return ApiProblems.NotFound($"Round '{roundId}' does not exist.");
        }
        var items = await stored.ListAsync(roundId, cancellationToken);
        return TypedResults.Ok(new RenderedReportList(roundId, [.. items.Select(RenderedReportResponse.From)]));
    }

    /// <summary>The round, when the caller may see its published statistics: the bureau always, the ministry once published.</summary>
    internal static async Task<RoundRecord?> PublishedStatisticsRoundAsync(
        string roundId, ClaimsPrincipal principal, IRoundRepository rounds, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(roundId, cancellationToken);
        var allowed = principal.GetRole() switch
        {
            Role.Admin or Role.Analyst => true,
            Role.Ministry => round?.Round.Status == RoundStatus.Published,
            _ => false,
        };
        return allowed ? round : null;
    }
}
