using Audit.Core.AuditTrail;

namespace Audit.Application.Access;

/// <summary>
/// An institution's data is confidential: the bureau's reads of it are on the record, before the data leaves the
/// service. The institution reading its own data is not recorded.
/// </summary>
public sealed class ConfidentialReads(IAuditEventRepository audit, TimeProvider clock)
{
    public async Task RecordAsync(Caller caller, string action, string participationId, string? summary, CancellationToken cancellationToken)
    {
        if (caller.IsBureau)
        {
            await audit.RecordAsync(caller.ToActor().Did(action, "participation", participationId, clock.GetUtcNow(), summary), cancellationToken);
        }
    }
}
