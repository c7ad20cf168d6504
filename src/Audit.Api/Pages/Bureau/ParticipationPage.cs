using Audit.Application.Reviews;
using Audit.Core.Reviews;
using Audit.Reports.Localization;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/deelnames/{participationId}</c>: everything the institution handed in. Every visible question with its
/// answer rendered for its type, comment, evidence (download links) and the history of the answer; the latest
/// submission (number, time, content hash of the frozen snapshot) and every review. Like the answers API, each read
/// is recorded as a confidential read by the bureau (<see cref="ReadParticipationFile"/>).
/// </summary>
public static class ParticipationPage
{
    public const string Name = "bureau/participation";
    public const string MessageQuery = "melding";

    /// <summary>Status messages after a redirect from the review or findings form.</summary>
    public static readonly string[] Messages = ["returned", "accepted"];

    public sealed record SubmissionInfo(int Number, DateTimeOffset SubmittedAt, string SubmittedBy, string ContentHash);

    public sealed record ReviewInfo(int Number, string Decision, string? Summary, string ReviewedBy, DateTimeOffset ReviewedAt, int Remarks);

    public sealed record Model(
        ParticipationHeader Participation, SubmissionInfo? Submission, IReadOnlyList<ReviewInfo> Reviews, IReadOnlyList<ThemeBlock> Themes,
        string? ReviewHref, string FindingsHref, string? Message, string BoardSummaryHref);

    public static async Task<IResult> ShowAsync(
        string participationId, HttpContext context, ClaimsPrincipal principal, ReadParticipationFile read, CancellationToken cancellationToken)
    {
        var found = await read.ExecuteAsync(principal.ToCaller(), participationId, "bureau page", withHistory: true, cancellationToken);
        if (!found.TryGetValue(out var file, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var submission = file.LatestSubmission is { } latest
            ? new SubmissionInfo(latest.Number, latest.SubmittedAt, file.NameOf(latest.SubmittedBy), latest.ContentHash)
            : null;
        var reviews = file.Reviews.OrderByDescending(r => r.Number)
            .Select(r => new ReviewInfo(r.Number, r.Decision.ToWireName(), r.Summary, file.NameOf(r.ReviewedBy), r.ReviewedAt, r.Remarks.Count)).ToList();
        return new HtmlPage(Name, new Model(ParticipationHeader.Of(file.Scope, file.Completeness), submission, reviews, ParticipationFileView.ThemesOf(file, PageLanguage.Resolve(context).Code()),
            file.CanReview ? BureauPages.ReviewPath(participationId) : null, BureauPages.FindingsPath(participationId),
            BureauForms.Message(context.Request.Query[MessageQuery], Messages),
            Respondent.ReportPages.BoardSummaryPdf(participationId, PageLanguage.Resolve(context).Code())));
    }
}
