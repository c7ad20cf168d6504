using System.Security.Claims;
using Audit.Api.Answers;
using Audit.Api.Participations;
using Audit.Core.Reviews;
using Audit.Core.Rounds;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/deelnames/{participationId}</c>: everything the institution handed in. Every visible question with its
/// answer rendered for its type, comment, evidence (download links) and the history of the answer; the latest
/// submission (number, time, content hash of the frozen snapshot) and every review. Like the answers API, each read
/// is recorded as a confidential read by the bureau.
/// </summary>
public static class ParticipationPage
{
    public const string Name = "bureau-participation";
    public const string MessageQuery = "melding";

    /// <summary>Status messages after a redirect from the review or findings form.</summary>
    public static readonly string[] Messages = ["returned", "accepted"];

    public sealed record SubmissionInfo(int Number, DateTimeOffset SubmittedAt, string SubmittedBy, string ContentHash);

    public sealed record ReviewInfo(int Number, string Decision, string? Summary, string ReviewedBy, DateTimeOffset ReviewedAt, int Remarks);

    public sealed record Model(
        ParticipationHeader Participation, SubmissionInfo? Submission, IReadOnlyList<ReviewInfo> Reviews, IReadOnlyList<ThemeBlock> Themes,
        string? ReviewHref, string FindingsHref, string? Message);

    public static async Task<IResult> ShowAsync(
        string participationId, HttpContext context, ClaimsPrincipal principal, [AsParameters] BureauServices services, CancellationToken cancellationToken)
    {
        if (await services.Scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return Results.NotFound();
        }
        await LegacyScopes.RecordBureauReadAsync(principal, services.Trail, "answers.read", participationId, "bureau page", services.Clock, cancellationToken);
        var file = services.File();
        var (header, themes) = await file.LoadAsync(scope, withHistory: true, cancellationToken);
        SubmissionInfo? submission = null;
        if (await services.Submissions.LatestAsync(participationId, cancellationToken) is { } latest)
        {
            submission = new SubmissionInfo(latest.Number, latest.SubmittedAt, await file.NameAsync(latest.SubmittedBy, cancellationToken), latest.ContentHash);
        }
        var reviews = new List<ReviewInfo>();
        foreach (var r in (await services.Reviews.ListAsync(participationId, cancellationToken)).OrderByDescending(r => r.Number))
        {
            reviews.Add(new ReviewInfo(r.Number, r.Decision.ToWireName(), r.Summary, await file.NameAsync(r.ReviewedBy, cancellationToken), r.ReviewedAt, r.Remarks.Count));
        }
        var canReview = ParticipationRules.CanReview(scope.Round.Round.Status, scope.Participation.Status).IsAllowed;
        return new HtmlPage(Name, new Model(header, submission, reviews, themes,
            canReview ? BureauPages.ReviewPath(participationId) : null, BureauPages.FindingsPath(participationId),
            BureauForms.Message(context.Request.Query[MessageQuery], Messages)));
    }
}
