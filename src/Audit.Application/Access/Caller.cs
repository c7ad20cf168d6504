using Audit.Core.AuditTrail;

namespace Audit.Application.Access;

/// <summary>
/// Who asks a use case to act: the signed-in user, their role and (for respondents) their institution. The web
/// project builds it from the principal; every use case takes one and decides access itself.
/// </summary>
public sealed record Caller(string? UserId, Role? Role, string? InstitutionId)
{
    public bool IsBureau => Role is { } role && role.IsBureau();

    public bool IsAdmin => Role == Core.Access.Role.Admin;

    /// <summary>The actor of the audit events this caller causes.</summary>
    public Actor ToActor() => new(UserId, Role?.ToWireName());

    /// <summary>
    /// The one resource check for institution-scoped data. The bureau sees every participation, a respondent only its
    /// own institution's, the ministry none. Callers answer "not found" when this says no, so existence does not leak.
    /// </summary>
    public bool CanSee(ParticipationRecord participation) => Role switch
    {
        Core.Access.Role.Admin or Core.Access.Role.Analyst => true,
        Core.Access.Role.Respondent => InstitutionId is { } own && own == participation.InstitutionId,
        _ => false,
    };

    /// <summary>Only the institution itself edits and submits its answers; the bureau reviews.</summary>
    public bool CanEdit(ParticipationRecord participation) => Role == Core.Access.Role.Respondent && CanSee(participation);
}
