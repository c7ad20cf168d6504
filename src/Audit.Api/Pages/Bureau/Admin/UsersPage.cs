using Audit.Application.Users;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau.Admin;

/// <summary>
/// <c>/bureau/gebruikers</c> (admins): the bureau's and the ministry's accounts, and a form to add one through
/// <see cref="CreateUser"/>, as <c>POST /api/v1/users</c> does. Contacts of institutions are managed with their institution,
/// so this page neither lists nor makes respondents. A new user redirects to their page, where a sign-in link is made.
/// </summary>
public static class UsersPage
{
    public const string Name = "bureau/users";
    public const string Path = "/bureau/gebruikers";
    public const string NameField = "naam";
    public const string EmailField = "email";
    public const string RoleField = "rol";

    /// <summary>The roles this page makes, in the order of its choice.</summary>
    public static readonly IReadOnlyList<string> Roles = ["analyst", "admin", "ministry"];

    public sealed record UserRow(string Id, string Name, string Email, string Role, bool Active, string Href);

    public sealed record Fields(string? Name, string? Email, string? Role);

    /// <summary>The <c>*Error</c> fields name a text under <c>t.bureau_admin.users.errors</c>.</summary>
    public sealed record Model(
        IReadOnlyList<UserRow> Users, IReadOnlyList<string> RoleChoices, Fields Typed, IReadOnlyList<PageError> Errors,
        string? NameError, string? EmailError, string? RoleError);

    public static string UserPath(string id) => $"{Path}/{Uri.EscapeDataString(id)}";

    public static async Task<IResult> ShowAsync(ClaimsPrincipal principal, ReadUsers read, CancellationToken cancellationToken) =>
        await RenderAsync(principal, read, new Fields(null, null, "analyst"), [], new Dictionary<string, string>(), StatusCodes.Status200OK, cancellationToken);

    public static async Task<IResult> CreateAsync(
        HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, CreateUser create, ReadUsers read, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var typed = new Fields(BureauForms.Text(form, NameField), BureauForms.Text(form, EmailField), BureauForms.Text(form, RoleField));
        // Only the roles offered here: a respondent belongs to an institution and is added there.
        var role = Roles.Contains(typed.Role, StringComparer.Ordinal) ? typed.Role : null;
        var outcome = await create.ExecuteAsync(principal.ToCaller(), new NewUser(typed.Name, typed.Email, role, null), cancellationToken);
        if (outcome.TryGetValue(out var user, out var failure))
        {
            return Results.Redirect($"{UserPath(user.Id)}?{QuestionnairesPage.MessageQuery}=created");
        }
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (failure)
        {
            case Failure.Invalid invalid:
                foreach (var key in invalid.Errors.Keys)
                {
                    var (field, error) = key switch
                    {
                        "name" => (NameField, "name"),
                        "email" => (EmailField, "email"),
                        _ => (RoleField, "role"),
                    };
                    fieldErrors[field] = error;
                }
                break;
            case Failure.Conflict:
                fieldErrors[EmailField] = "email_taken";
                break;
            default:
                return BureauForms.Failed(failure);
        }
        var errors = new[] { NameField, EmailField, RoleField }.Where(fieldErrors.ContainsKey)
            .Select(f => new PageError("nieuw-" + f, fieldErrors[f])).ToList();
        return await RenderAsync(principal, read, typed, errors, fieldErrors, OutcomeProblems.StatusOf(failure), cancellationToken);
    }

    private static async Task<IResult> RenderAsync(
        ClaimsPrincipal principal, ReadUsers read, Fields typed, IReadOnlyList<PageError> errors, IReadOnlyDictionary<string, string> fieldErrors,
        int status, CancellationToken cancellationToken)
    {
        if (!(await read.ExecuteAsync(principal.ToCaller(), cancellationToken)).TryGetValue(out var users, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var rows = users.Where(u => u.Role != Role.Respondent)
            .OrderBy(u => Roles.ToList().IndexOf(u.Role.ToWireName())).ThenBy(u => u.Name, StringComparer.CurrentCulture)
            .Select(u => new UserRow(u.Id, u.Name, u.Email, u.Role.ToWireName(), u.Active, UserPath(u.Id))).ToList();
        return new HtmlPage(Name, new Model(rows, Roles, typed, errors,
            fieldErrors.GetValueOrDefault(NameField), fieldErrors.GetValueOrDefault(EmailField), fieldErrors.GetValueOrDefault(RoleField)), status, hasForm: true);
    }
}
