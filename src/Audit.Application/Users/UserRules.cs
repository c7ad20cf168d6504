using System.Net.Mail;

namespace Audit.Application.Users;

/// <summary>A new user as an admin describes it.</summary>
public sealed record NewUser(string? Name, string? Email, string? Role, string? InstitutionId);

/// <summary>The fields of a user an admin changes; a null field keeps its value.</summary>
public sealed record UserChange(string? Name, string? Email, bool? Active);

/// <summary>Checks a user and reports every invalid field at once.</summary>
internal static class UserRules
{
    public static Dictionary<string, string[]> Validate(NewUser user, bool institutionExists)
    {
        var errors = new Dictionary<string, string[]>();
        ValidateNameAndEmail(user.Name, user.Email, errors);
        if (!Roles.TryParse(user.Role, out var role))
        {
            errors["role"] = [$"Role must be one of: {string.Join(", ", Roles.WireNames)}."];
        }
        else if (role.IsInstitutionRole() && string.IsNullOrWhiteSpace(user.InstitutionId))
        {
            errors["institutionId"] = [$"Role '{user.Role}' requires an institutionId."];
        }
        else if (!role.IsInstitutionRole() && user.InstitutionId is not null)
        {
            errors["institutionId"] = [$"Role '{user.Role}' is not bound to an institution; leave institutionId out."];
        }
        else if (role.IsInstitutionRole() && !institutionExists)
        {
            errors["institutionId"] = [$"Institution '{user.InstitutionId}' does not exist."];
        }
        return errors;
    }

    public static void ValidateNameAndEmail(string? name, string? email, Dictionary<string, string[]> errors, bool optional = false)
    {
        if (!(optional && name is null) && (string.IsNullOrWhiteSpace(name) || name.Length > 200))
        {
            errors["name"] = ["Name is required (at most 200 characters)."];
        }
        if (!(optional && email is null) && (string.IsNullOrWhiteSpace(email) || email.Length > 320 || !MailAddress.TryCreate(email, out _)))
        {
            errors["email"] = ["A valid email address is required."];
        }
    }

    public static Outcomes.Failure.NotFound NotFound(string id) => new($"User '{id}' does not exist.");
}
