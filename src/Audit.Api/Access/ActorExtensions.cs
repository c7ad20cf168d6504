using System.Security.Claims;
using Audit.Core.AuditTrail;

namespace Audit.Api.Access;

public static class ActorExtensions
{
    /// <summary>The signed-in user as the actor of an audit event.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal) =>
        new(principal.GetUserId(), principal.FindFirstValue(ClaimTypes.Role));
}
