using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Problems;
using Audit.Application.Participations;
using Audit.Core.AuditTrail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Participations;

/// <summary>
/// TEMPORARY bridge while handlers move to use cases (issue 15): the old scope check for handlers not yet moved.
/// Deleted when the last handler calls a use case instead.
/// </summary>
internal static class LegacyScopes
{
    public static async Task<ParticipationScope?> FindVisibleAsync(
        this ParticipationScopes scopes, string participationId, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var found = await scopes.VisibleAsync(participationId, principal.ToCaller(), cancellationToken);
        return found.IsOk ? found.Value : null;
    }

    public static ProblemHttpResult NotFound(string participationId) => OutcomeProblems.Problem(ParticipationScopes.NotFound(participationId));

    public static ProblemHttpResult NotEditor() => OutcomeProblems.Problem(ParticipationScopes.NotEditor());

    public static bool IsBureauRead(ClaimsPrincipal principal) => principal.ToCaller().IsBureau;

    public static async Task RecordBureauReadAsync(
        ClaimsPrincipal principal, IAuditEventRepository audit, string action, string participationId, string? summary, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (IsBureauRead(principal))
        {
            await audit.RecordAsync(principal.ToActor().Did(action, "participation", participationId, clock.GetUtcNow(), summary), cancellationToken);
        }
    }
}
