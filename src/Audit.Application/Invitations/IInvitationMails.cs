using Audit.Core.Mail;

namespace Audit.Application.Invitations;

/// <summary>A mail's subject and plain-text body.</summary>
public sealed record MailText(string Subject, string Body);

/// <summary>
/// The text of an invitation mail with its personal link. The web project writes it: it knows the address people
/// reach the service at and the page a link opens.
/// </summary>
public interface IInvitationMails
{
    /// <summary>Null when links can be written; otherwise why not (no public address is configured).</summary>
    string? Unavailable { get; }

    /// <summary>The mail inviting <paramref name="contact"/>, with the one-time sign-in link of <paramref name="token"/>.</summary>
    MailText Invitation(Round round, ParticipationContacts participation, Contact contact, string token, DateTimeOffset linkExpiresAt);
}
