using System.ComponentModel.DataAnnotations;

namespace Audit.Api.Mail;

/// <summary>
/// Configuration section <c>Mail</c>. Without <c>Mail:Smtp:Host</c> nothing leaves the machine: every
/// mail is written as an .eml file to <see cref="PickupFolder"/>, so a newcomer can read what would be sent.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    [Required, EmailAddress]
    public string From { get; set; } = "audit-kennisveiligheid@example.nl";

    public string FromName { get; set; } = "Audit kennisveiligheid";

    public string PickupFolder { get; set; } = "data/mail";

    /// <summary>Days before a round's closesAt on which unsubmitted participations get a reminder.</summary>
    public List<int> ReminderDays { get; set; } = [14, 7, 2];

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary><c>auto</c> (STARTTLS when offered), <c>starttls</c>, <c>tls</c> or <c>none</c>.</summary>
    public string Security { get; set; } = "auto";
}
