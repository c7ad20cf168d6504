using Audit.Application.Invitations;
using Audit.Core.Mail;
using Audit.Core.Reviews;

namespace Audit.Application.Reviews;

/// <summary>What a review mail tells one contact: who, which institution and round, and the review itself.</summary>
public sealed record ReviewMailFacts(Contact Contact, string InstitutionName, string RoundTitle, ReviewRecord Review);

/// <summary>
/// The text of the mails that tell an institution its questionnaire was returned or accepted. The web project writes
/// it: it knows the address people reach the service at and the page the link opens.
/// </summary>
public interface IReviewMails
{
    /// <summary>The mail to <see cref="ReviewMailFacts.Contact"/> about <see cref="ReviewMailFacts.Review"/>, return or accept.</summary>
    MailText For(ReviewMailFacts facts);
}
