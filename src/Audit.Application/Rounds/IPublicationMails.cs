using Audit.Application.Invitations;
using Audit.Core.Mail;

namespace Audit.Application.Rounds;

/// <summary>
/// The text of the "your feedback report is ready" mail. The web project writes it: it knows the address people reach
/// the service at and the page the link opens.
/// </summary>
public interface IPublicationMails
{
    /// <summary>Null when links can be written; otherwise why not (no public address is configured).</summary>
    string? Unavailable { get; }

    MailText FeedbackReady(Round round, ParticipationContacts participation, Contact contact);
}
