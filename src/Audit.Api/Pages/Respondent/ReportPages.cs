using System.Security.Claims;
using System.Text.RegularExpressions;
using Audit.Api.Participations;
using Audit.Core.Answers;
using Audit.Core.Reviews;
using Audit.Core.Rounds;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// <c>/deelnames/{id}/rapport</c> and <c>/rapport.pdf</c>: the feedback report, once the round is published. A link
/// cannot ask for a media type, so these pages hand the request to the report endpoint of the API
/// (<c>GET /api/v1/participations/{id}/feedback-report</c>, which answers HTML or, with <c>Accept: application/pdf</c>,
/// PDF) with the Accept header set, in this same request: same user, same resource check. Until that endpoint is
/// mapped they answer 404.
/// </summary>
public static partial class ReportPages
{
    [GeneratedRegex(@"^/?api/v1/participations/\{(?<parameter>[A-Za-z]+)\}/feedback-report$")]
    private static partial Regex ReportPattern();

    public static Task HtmlAsync(string participationId, HttpContext http, ClaimsPrincipal principal, ParticipationScopes scopes,
        IAnswerRepository answers, IReviewRepository reviews, EndpointDataSource endpoints, CancellationToken cancellationToken) =>
        ForwardAsync(participationId, "text/html", http, principal, scopes, answers, reviews, endpoints, cancellationToken);

    public static Task PdfAsync(string participationId, HttpContext http, ClaimsPrincipal principal, ParticipationScopes scopes,
        IAnswerRepository answers, IReviewRepository reviews, EndpointDataSource endpoints, CancellationToken cancellationToken) =>
        ForwardAsync(participationId, "application/pdf", http, principal, scopes, answers, reviews, endpoints, cancellationToken);

    private static async Task ForwardAsync(
        string participationId, string mediaType, HttpContext http, ClaimsPrincipal principal, ParticipationScopes scopes, IAnswerRepository answers,
        IReviewRepository reviews, EndpointDataSource endpoints, CancellationToken cancellationToken)
    {
        var view = await RespondentView.LoadAsync(participationId, principal, scopes, answers, reviews, cancellationToken);
        var report = FindReportEndpoint(endpoints);
        // Before publication there is no report to read, whatever the report endpoint would say.
        if (view is null || view.Scope.Round.Round.Status != RoundStatus.Published || report is null)
        {
            await Results.NotFound().ExecuteAsync(http);
            return;
        }
        http.Request.Headers.Accept = mediaType;
        http.Request.RouteValues[report.Value.Parameter] = view.Id;
        http.SetEndpoint(report.Value.Endpoint);
        await report.Value.Endpoint.RequestDelegate!(http);
    }

    private static (RouteEndpoint Endpoint, string Parameter)? FindReportEndpoint(EndpointDataSource endpoints)
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RequestDelegate is not null
                && ReportPattern().Match(endpoint.RoutePattern.RawText ?? "") is { Success: true } match
                && endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
            {
                return (endpoint, match.Groups["parameter"].Value);
            }
        }
        return null;
    }
}
