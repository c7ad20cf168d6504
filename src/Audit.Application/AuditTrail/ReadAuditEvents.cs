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
        var errors = Check(query);
        page.Check(errors);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        return await trail.QueryAsync(query, page.ToRequest(), cancellationToken);
    }

    /// <summary>The filters' errors, keyed by the query parameter; shared with <see cref="ExportAuditEvents"/>.</summary>
    internal static Dictionary<string, string[]> Check(AuditEventQuery query)
    {
        var errors = new Dictionary<string, string[]>();
        if (query is { From: { } from, To: { } to } && from >= to)
        {
            errors["to"] = ["to must be after from."];
        }
        if (query.ObjectId is not null && query.ObjectType is null)
        {
            errors["objectType"] = ["objectId needs objectType: an id means something only within its kind of object."];
        }
        return errors;
    }
}
