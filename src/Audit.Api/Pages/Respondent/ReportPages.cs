using Audit.Application.Participations;
using Audit.Core.Rounds;
using Audit.Reports.Localization;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// <c>/deelnames/{id}/rapport</c> and <c>/rapport.pdf</c>: the feedback report, once the round is published. The HTML
/// page is a page of the site (layout, the way back, the PDF link) that shows the report of the API
/// (<c>GET /api/v1/participations/{id}/feedback-report</c>) in a titled frame: the report keeps its own sandboxed
/// policy, which lets only this site frame it. The PDF sends the browser on to the API with <c>format=pdf</c> (a link
/// cannot set <c>Accept</c>), as a download. The endpoint checks access itself; the check here keeps the page's own
/// answer the same as the other respondent pages: 404 for another institution's participation and before publication.
/// </summary>
public static class ReportPages
{
    public const string Name = "respondent/report";

    public sealed record Model(ParticipationHeader Header, string FrameSrc, string PdfHref, string StartHref, string BoardSummaryHref);

    public static async Task<IResult> HtmlAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, OpenParticipation open, CancellationToken cancellationToken)
    {
        var opened = await PublishedAsync(participationId, principal, open, cancellationToken);
        if (!opened.TryGetValue(out var view, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        var language = PageLanguage.Resolve(http).Code();
        return new HtmlPage(Name, new Model(RespondentState.QuietHeader(view), ApiUrl(view.Id, language, pdf: false),
            RespondentPages.ReportPdf(view.Id), RespondentPages.Start(view.Id), BoardSummaryPdf(view.Id, language)));
    }

    public static async Task<IResult> PdfAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, OpenParticipation open, CancellationToken cancellationToken)
    {
        var opened = await PublishedAsync(participationId, principal, open, cancellationToken);
        return opened.TryGetValue(out var view, out var failure)
            ? Results.Redirect(ApiUrl(view.Id, PageLanguage.Resolve(http).Code(), pdf: true))
            : RespondentPages.Refused(failure);
    }

    /// <summary>The report's address in the API, in <paramref name="language"/>.</summary>
    public static string ApiUrl(string participationId, string language, bool pdf) =>
        $"/api/v1/participations/{Uri.EscapeDataString(participationId)}/feedback-report?lang={language}" + (pdf ? "&format=pdf" : "");

    /// <summary>
    /// The board conversation pack as a PDF download, straight from the API: a link cannot set <c>Accept</c>, so it
    /// says <c>format=pdf</c>. The bureau's participation page links to the same address.
    /// </summary>
    public static string BoardSummaryPdf(string participationId, string language) =>
        $"/api/v1/participations/{Uri.EscapeDataString(participationId)}/board-summary?lang={language}&format=pdf";

    private static async Task<Outcome<RespondentView>> PublishedAsync(
        string participationId, ClaimsPrincipal principal, OpenParticipation open, CancellationToken cancellationToken)
    {
        var opened = await RespondentView.OpenAsync(open, principal, participationId, cancellationToken);
        if (!opened.TryGetValue(out var view, out var failure))
        {
            return failure;
        }
        return view.Scope.Round.Round.Status == RoundStatus.Published ? view : new Failure.NotFound($"Participation '{participationId}' has no report yet.");
    }
}
