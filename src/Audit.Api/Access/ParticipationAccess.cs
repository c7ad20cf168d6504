using System.Security.Claims;
using Audit.Core.Access;
using Audit.Core.Rounds;

namespace Audit.Api.Access;

/// <summary>
/// The one resource check for institution-scoped data. The bureau sees every participation, a
/// respondent only its own institution's, the ministry none. Callers answer 404 when this says no,
/// so that a participation's existence does not leak.
/// </summary>
public static class ParticipationAccess
{
    public static bool CanSee(this ClaimsPrincipal principal, ParticipationRecord participation) =>
        principal.GetRole() switch
        {
            Role.Admin or Role.Analyst => true,
            Role.Respondent => principal.GetInstitutionId() is { } own && own == participation.InstitutionId,
            _ => false,
        };

    /// <summary>Only the institution itself edits and submits its answers; the bureau reviews.</summary>
    public static bool CanEdit(this ClaimsPrincipal principal, ParticipationRecord participation) =>
        principal.GetRole() == Role.Respondent && principal.CanSee(participation);
}
