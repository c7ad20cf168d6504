using System.Net.Mail;
using Audit.Core.Access;

namespace Audit.Core.Institutions.Imports;

/// <summary>A contact the import writes: <see cref="Current"/> is null for a new respondent.</summary>
public sealed record ContactImportChange(int Line, string InstitutionId, string Name, string Email, User? Current);

/// <summary>The rules of a contact person's name and e-mail address, for the form, the API and the import alike.</summary>
public static class ContactRules
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 320;

    /// <summary>Every invalid field ("name", "email"), empty when both are fine.</summary>
    public static IReadOnlyList<FieldError> Validate(string? name, string? email)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name))
            errors.Add(new("name", "is required"));
        else if (name.Trim().Length > NameMaxLength)
            errors.Add(new("name", $"must be at most {NameMaxLength} characters"));
        if (string.IsNullOrWhiteSpace(email))
            errors.Add(new("email", "is required"));
        else if (email.Trim().Length > EmailMaxLength || !MailAddress.TryCreate(email.Trim(), out var parsed) || parsed.Address != email.Trim())
            errors.Add(new("email", "is not a valid e-mail address"));
        return errors;
    }

    /// <summary>Addresses compare case-insensitively and are stored lower-case.</summary>
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>
/// Plans a contact import (columns <see cref="Header"/>): a contact is a respondent of the institution, matched by
/// e-mail address within it, so importing the same file twice changes nothing. A new address creates an active
/// respondent; a known one with another name renames them. Active is not a column: an import never deactivates,
/// nor brings back someone the bureau deactivated.
/// </summary>
public static class ContactImport
{
    public const string Header = "institutionId;name;email";

    private static readonly string[] Columns = ["institutionid", "name", "email"];

    public static (ImportReport Report, IReadOnlyList<ContactImportChange> Changes) Plan(
        CsvFile file, IReadOnlySet<string> institutionIds, IReadOnlyList<User> users)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(users);
        if ((file.HeaderError ?? ImportReport.CheckColumns(file.Columns, Columns, Header)) is { } headerError)
        {
            return (ImportReport.HeaderError(headerError), []);
        }
        var byEmail = users.ToDictionary(u => ContactRules.Normalise(u.Email), StringComparer.Ordinal);
        var lines = new List<ImportLine>();
        var changes = new List<ContactImportChange>();
        var firstLineOfEmail = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in file.Lines)
        {
            if (line.Error is { } error)
            {
                lines.Add(new ImportLine(line.Line, ImportOutcome.Error, null, [error]));
                continue;
            }
            string Value(string column) => line.Values[file.Columns.ToList().IndexOf(column)];
            var institutionId = Value("institutionid");
            var name = Value("name");
            var email = ContactRules.Normalise(Value("email"));
            var errors = ContactRules.Validate(name, email).Select(e => e.ToString()).ToList();
            if (institutionId.Length == 0)
            {
                errors.Insert(0, "institutionId: is required");
            }
            else if (!institutionIds.Contains(institutionId))
            {
                errors.Insert(0, $"institutionId: institution '{institutionId}' does not exist");
            }
            var current = byEmail.GetValueOrDefault(email);
            var about = $"{name} <{email}>, {institutionId}";
            if (email.Length > 0 && !firstLineOfEmail.TryAdd(email, line.Line))
            {
                errors.Add($"email: '{email}' is also on line {firstLineOfEmail[email]}");
            }
            else if (current is not null && (current.Role != Role.Respondent || current.InstitutionId != institutionId))
            {
                errors.Add($"email: '{email}' belongs to a user who is not a contact of '{institutionId}'");
            }
            if (errors.Count > 0)
            {
                lines.Add(new ImportLine(line.Line, ImportOutcome.Error, current?.Id, errors, about));
                continue;
            }
            var outcome = current is null ? ImportOutcome.Created : current.Name == name ? ImportOutcome.Unchanged : ImportOutcome.Updated;
            lines.Add(new ImportLine(line.Line, outcome, current?.Id, [], about));
            if (outcome != ImportOutcome.Unchanged)
            {
                changes.Add(new ContactImportChange(line.Line, institutionId, name, email, current));
            }
        }
        return (new ImportReport(lines), changes);
    }
}
