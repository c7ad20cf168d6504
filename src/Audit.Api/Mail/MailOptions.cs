using System.ComponentModel.DataAnnotations;

namespace Audit.Api.Mail;

/// <summary>
/// Configuration section <c>Mail</c>. Without <c>Mail:Smtp:Host</c> nothing leaves the machine: every
/// mail is written as an .eml file to <see cref="PickupFolder"/>, so a newcomer can read what would be sent.
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string SectionName = "Mail";

    [Required, EmailAddress]
    public string From { get; set; } = "audit-kennisveiligheid@example.nl";

    public string FromName { get; set; } = "Audit kennisveiligheid";

    public string PickupFolder { get; set; } = "data/mail";

    public ReminderOptions Reminders { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Data annotations do not look into nested sections by themselves.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var nested = new List<ValidationResult>();
        Validator.TryValidateObject(Smtp, new ValidationContext(Smtp), nested, validateAllProperties: true);
        Validator.TryValidateObject(Reminders, new ValidationContext(Reminders), nested, validateAllProperties: true);
        return nested;
    }
}

/// <summary>Section <c>Mail:Reminders</c>.</summary>
public sealed class ReminderOptions : IValidatableObject
{
    /// <summary>
    /// Days before a round's closesAt on which contacts of unsubmitted participations get a reminder; unset means
    /// 14, 7 and 2. (Not initialised here: the configuration binder appends to a list it finds, so a configured
    /// <c>[3]</c> would become <c>[14, 7, 2, 3]</c>.)
    /// </summary>
    public List<int>? DaysBefore { get; set; }

    public IReadOnlyList<int> EffectiveDaysBefore => DaysBefore is { Count: > 0 } days ? days : Audit.Core.Mail.ReminderSchedule.DefaultDaysBefore;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var day in (DaysBefore ?? []).Where(d => d is < 1 or > 365))
        {
            yield return new ValidationResult($"Mail:Reminders:DaysBefore entry {day} must be between 1 and 365.", [nameof(DaysBefore)]);
        }
    }
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
