namespace Audit.Core.Access;

/// <summary>
/// Who a user is to Audit. Bureau roles (admin, analyst) see every institution; a respondent sees only
/// its own institution; the ministry sees only published aggregates.
/// </summary>
public enum Role
{
    Admin,
    Analyst,
    Respondent,
    Ministry,
}

public static class Roles
{
    // Wire names double as ASP.NET role claim values, so policies and JSON agree.
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Respondent = "respondent";
    public const string Ministry = "ministry";

    public static IReadOnlyList<string> WireNames { get; } = [Admin, Analyst, Respondent, Ministry];

    public static bool TryParse(string? wireName, out Role role)
    {
        switch (wireName)
        {
            case Admin: role = Role.Admin; return true;
            case Analyst: role = Role.Analyst; return true;
            case Respondent: role = Role.Respondent; return true;
            case Ministry: role = Role.Ministry; return true;
            default: role = default; return false;
        }
    }

    public static string ToWireName(this Role role) => role switch
    {
        Role.Admin => Admin,
        Role.Analyst => Analyst,
        Role.Respondent => Respondent,
        Role.Ministry => Ministry,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Institution roles are bound to exactly one institution; the others to none.</summary>
    public static bool IsInstitutionRole(this Role role) => role == Role.Respondent;

    public static bool IsBureau(this Role role) => role is Role.Admin or Role.Analyst;
}
