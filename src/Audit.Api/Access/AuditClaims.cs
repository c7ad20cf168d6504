namespace Audit.Api.Access;

/// <summary>The claims Audit puts on a signed-in principal, and typed reads of them.</summary>
public static class AuditClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string InstitutionId = "institution_id";
    public const string TokenId = "token_id";

    public static IEnumerable<Claim> For(User user, string tokenId)
    {
        yield return new Claim(UserId, user.Id);
        yield return new Claim(Name, user.Name);
        yield return new Claim(ClaimTypes.Role, user.Role.ToWireName());
        yield return new Claim(TokenId, tokenId);
        if (user.InstitutionId is not null)
        {
            yield return new Claim(InstitutionId, user.InstitutionId);
        }
    }

    public static string? GetUserId(this ClaimsPrincipal principal) => principal.FindFirstValue(UserId);

    public static string? GetInstitutionId(this ClaimsPrincipal principal) => principal.FindFirstValue(InstitutionId);

    public static Role? GetRole(this ClaimsPrincipal principal) =>
        Roles.TryParse(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
}
