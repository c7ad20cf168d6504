using Audit.Application.Invitations;
using Audit.Core.Mail;

namespace Audit.Application.Rounds;

/// <summary>
/// The text of the "your feedback report is ready" mail. The web project writes it: it knows the address people reach
/// the service at and the page the link opens. Without a public address the mail goes without the link: publication is
/// never held up by mail settings, and the institution must hear of it either way.
/// </summary>
public interface IPublicationMails
{
    MailText FeedbackReady(Round round, ParticipationContacts participation, Contact contact);
}
