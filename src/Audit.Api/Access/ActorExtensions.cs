using Audit.Application.Access;
using Audit.Core.AuditTrail;

namespace Audit.Api.Access;

public static class ActorExtensions
{
    /// <summary>The signed-in user as a use case's caller: who, in which role, for which institution.</summary>
    public static Caller ToCaller(this ClaimsPrincipal principal) =>
        new(principal.GetUserId(), principal.GetRole(), principal.GetInstitutionId());

    /// <summary>The signed-in user as the actor of an audit event.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal) =>
        new(principal.GetUserId(), principal.FindFirstValue(ClaimTypes.Role));
}
