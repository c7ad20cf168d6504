namespace Audit.Api.Pages.Site;

/// <summary><c>/mijn-gegevens</c>: the signed-in user's own details. Signed-out visitors are sent to the sign-in page.</summary>
public static class AccountPage
{
    public const string Path = "/mijn-gegevens";
    public const string Name = "site/account";

    public sealed record Model(string Name, string Email, string Role, string? Institution);

    public static async Task<IResult> ShowAsync(ClaimsPrincipal principal, IUserRepository users, CancellationToken cancellationToken)
    {
        var user = principal.GetUserId() is { } id ? await users.GetAsync(id, cancellationToken) : null;
        return user is null
            ? Results.NotFound()
            : new HtmlPage(Name, new Model(user.Name, user.Email, user.Role.ToWireName(), user.InstitutionId));
    }
}
