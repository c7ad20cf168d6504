using Audit.Api.Hosting;
using Audit.Api.Invitations;
using Audit.Application.Invitations;
using Audit.Application.Reviews;
using Audit.Core.Rounds;

namespace Audit.Api.Reviews;

/// <summary>
/// The mails about a review as people get them: <see cref="ReviewMailTexts"/> with an absolute link to the
/// participation's overview (<see cref="PublicLinks"/>). Without <c>Audit:PublicBaseUrl</c> the mail still goes, without
/// the link: a review is never held up by mail settings, and the institution must hear of it either way.
/// </summary>
public sealed class ReviewMails(PublicLinks links) : IReviewMails
{
    public MailText For(ReviewMailFacts facts)
    {
        var link = links.IsConfigured ? links.For(RoundMails.ParticipationPath(facts.Review.ParticipationId)) : null;
        var context = new ReviewMailTexts.Context(facts.Contact.Name, facts.InstitutionName, facts.RoundTitle, link);
        return facts.Review.Decision == ReviewOutcome.Accept
            ? ReviewMailTexts.Accepted(context)
            : ReviewMailTexts.Returned(context, facts.Review.Summary, facts.Review.Remarks.Count);
    }
}
