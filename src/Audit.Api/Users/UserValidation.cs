using System.Net.Mail;
using Audit.Core.Access;

namespace Audit.Api.Users;

/// <summary>Checks a user request and reports every invalid field at once.</summary>
internal static class UserValidation
{
    public static Dictionary<string, string[]> Validate(CreateUserRequest request, bool institutionExists)
    {
        var errors = new Dictionary<string, string[]>();
        ValidateNameAndEmail(request.Name, request.Email, errors);
        if (!Roles.TryParse(request.Role, out var role))
        {
            errors["role"] = [$"Role must be one of: {string.Join(", ", Roles.WireNames)}."];
        }
        else if (role.IsInstitutionRole() && string.IsNullOrWhiteSpace(request.InstitutionId))
        {
            errors["institutionId"] = [$"Role '{request.Role}' requires an institutionId."];
        }
        else if (!role.IsInstitutionRole() && request.InstitutionId is not null)
        {
            errors["institutionId"] = [$"Role '{request.Role}' is not bound to an institution; leave institutionId out."];
        }
        else if (role.IsInstitutionRole() && !institutionExists)
        {
            errors["institutionId"] = [$"Institution '{request.InstitutionId}' does not exist."];
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
}
