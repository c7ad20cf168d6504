using Audit.Core.AuditTrail;
using Audit.Core.Paging;

namespace Audit.Application.AuditTrail;

/// <summary>The append-only trail, newest first, for admins; every filter optional. There is no write path.</summary>
public sealed class ReadAuditEvents(IAuditEventRepository trail)
{
    public async Task<Outcome<Page<AuditEvent>>> ExecuteAsync(Caller caller, AuditEventQuery query, PageInput page, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        var errors = new Dictionary<string, string[]>();
        page.Check(errors);
        if (query is { From: { } from, To: { } to } && from >= to)
        {
            errors["to"] = ["to must be after from."];
        }
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        return await trail.QueryAsync(query, page.ToRequest(), cancellationToken);
    }
}
