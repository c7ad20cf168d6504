using Audit.Application.Participations;
using Audit.Core.Rounds;
using Audit.Reports.Localization;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// <c>/deelnames/{id}/rapport</c> and <c>/rapport.pdf</c>: the feedback report, once the round is published. They
/// send the browser on to the report endpoint of the API (<c>GET /api/v1/participations/{id}/feedback-report</c>), in
/// the page's language and, for the PDF, with <c>format=pdf</c> (a link cannot set <c>Accept</c>). The endpoint checks
/// access itself; the check here only keeps the page's own answer the same as the other respondent pages: 404 for
/// another institution's participation and before publication.
/// </summary>
public static class ReportPages
{
    public static Task<IResult> HtmlAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, OpenParticipation open, CancellationToken cancellationToken) =>
        RedirectAsync(participationId, pdf: false, http, principal, open, cancellationToken);

    public static Task<IResult> PdfAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, OpenParticipation open, CancellationToken cancellationToken) =>
        RedirectAsync(participationId, pdf: true, http, principal, open, cancellationToken);

    /// <summary>The report's address in the API, in <paramref name="language"/>.</summary>
    public static string ApiUrl(string participationId, string language, bool pdf) =>
        $"/api/v1/participations/{Uri.EscapeDataString(participationId)}/feedback-report?lang={language}" + (pdf ? "&format=pdf" : "");

    private static async Task<IResult> RedirectAsync(
        string participationId, bool pdf, HttpContext http, ClaimsPrincipal principal, OpenParticipation open, CancellationToken cancellationToken)
    {
        var opened = await RespondentView.OpenAsync(open, principal, participationId, cancellationToken);
        if (!opened.TryGetValue(out var view, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        return view.Scope.Round.Round.Status == RoundStatus.Published
            ? Results.Redirect(ApiUrl(view.Id, PageLanguage.Resolve(http).Code(), pdf))
            : Results.NotFound();
    }
}
