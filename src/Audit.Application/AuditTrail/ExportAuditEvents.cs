using Audit.Core.AuditTrail;
using Audit.Core.Paging;

namespace Audit.Application.AuditTrail;

/// <summary>
/// The trail as one file for admins (CSV on the API and the audit log page): every event matching the same filters as
/// <see cref="ReadAuditEvents"/>, newest first. Bounded by <see cref="MaxEvents"/> so one request cannot hold the whole
/// trail of years in memory; beyond it the admin narrows the period, and is told so.
/// </summary>
public sealed class ExportAuditEvents(IAuditEventRepository trail, TimeProvider clock)
{
    public const int MaxEvents = 50_000;

    public async Task<Outcome<IReadOnlyList<AuditEvent>>> ExecuteAsync(Caller caller, AuditEventQuery query, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        var errors = ReadAuditEvents.Check(query);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        // Pages are read by offset, newest first: events recorded meanwhile would shift them, so the export ends now.
        var now = clock.GetUtcNow();
        query = query with { To = query.To is { } to && to < now ? to : now };
        var events = new List<AuditEvent>();
        for (var number = 1; ; number++)
        {
            var page = await trail.QueryAsync(query, new PageRequest(number, PageRequest.MaxPageSize), cancellationToken);
            if (number == 1 && page.Total > MaxEvents)
            {
                return new Failure.TooLarge($"{page.Total} events match; an export holds at most {MaxEvents}. Choose a shorter period or another filter.");
            }
            events.AddRange(page.Items);
            if (page.Items.Count < PageRequest.MaxPageSize || events.Count >= page.Total)
            {
                return Outcome.Of<IReadOnlyList<AuditEvent>>(events);
            }
        }
    }
}
