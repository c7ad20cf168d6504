using Audit.Reports.Localization;
using Audit.Core.Time;
using System.Globalization;
using Audit.Api.AuditTrail;
using Audit.Application.AuditTrail;
using Audit.Core.AuditTrail;
using Audit.Reports.Exports;

namespace Audit.Api.Pages.Bureau.Admin;

/// <summary>
/// <c>/bureau/auditlog</c> (admins, like <c>GET /api/v1/audit-events</c>): the trail newest first, filtered by actor, kind of
/// event (its action), participation and period, 50 a page; <c>/bureau/auditlog.csv</c> downloads every event matching the
/// same filters (<see cref="ExportAuditEvents"/>). Admins only: the trail names every reader of confidential answers and
/// every account change, which is the admins' to oversee; analysts need none of it to review.
/// </summary>
public static class AuditLogPage
{
    public const string Name = "bureau/audit-log";
    public const string Path = "/bureau/auditlog";
    public const string CsvPath = "/bureau/auditlog.csv";
    public const string ActorField = "actor";
    public const string ActionField = "actie";
    public const string ParticipationField = "deelname";
    public const string FromField = "van";
    public const string ToField = "tot";
    public const string PageField = "pagina";
    public const int PageSize = 50;

    public sealed record Filters(string? Actor, string? Action, string? Participation, string? From, string? To);

    public sealed record EventRow(long Id, DateTimeOffset OccurredAt, string When, string? ActorId, string? ActorRole, string Action, string ObjectType,
        string ObjectId, string? Summary, string? ParticipationHref);

    public sealed record Model(
        Filters Typed, IReadOnlyList<EventRow> Events, long Total, int Page, int Pages, string? PreviousHref, string? NextHref, string CsvHref,
        IReadOnlyList<PageError> Errors, IReadOnlyDictionary<string, string> FieldErrors)
    {
        /// <summary>The error key at the from date (under <c>t.bureau_admin.audit_log.errors</c>), or null.</summary>
        public string? FromError => FieldErrors.GetValueOrDefault(FromField);

        public string? ToError => FieldErrors.GetValueOrDefault(ToField);

        public int MaxExport => ExportAuditEvents.MaxEvents;
    }

    public static async Task<IResult> ShowAsync(HttpContext context, ClaimsPrincipal principal, ReadAuditEvents read, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var (typed, filter, fieldErrors) = Read(query);
        var page = int.TryParse(query[PageField], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        var errors = Errors(fieldErrors);
        if (fieldErrors.Count > 0)
        {
            return new HtmlPage(Name, new Model(typed, [], 0, 1, 1, null, null, CsvPath, errors, fieldErrors), StatusCodes.Status400BadRequest);
        }
        var outcome = await read.ExecuteAsync(principal.ToCaller(), filter, new(page, PageSize), cancellationToken);
        if (!outcome.TryGetValue(out var result, out var failure))
        {
            // The page's own checks run first, so what is left is the role or a page number out of range.
            return BureauForms.Failed(failure);
        }
        var language = PageLanguage.Resolve(context);
        var rows = result.Items.Select(e => new EventRow(e.Id, e.OccurredAt, new ReportFormatter(language).DateTime(e.OccurredAt), e.ActorId, e.ActorRole, e.Action,
            e.ObjectType, e.ObjectId, e.Summary, e.ObjectType == "participation" ? BureauPages.ParticipationPath(e.ObjectId) : null)).ToList();
        var pages = (int)Math.Max(1, (result.Total + PageSize - 1) / PageSize);
        var filters = FilterQuery(typed);
        return new HtmlPage(Name, new Model(typed, rows, result.Total, page, pages,
            page > 1 ? $"{Path}?{filters}{PageField}={page - 1}" : null,
            page < pages ? $"{Path}?{filters}{PageField}={page + 1}" : null,
            $"{CsvPath}?{filters}".TrimEnd('?', '&'), [], fieldErrors));
    }

    public static async Task<IResult> CsvAsync(HttpContext context, ClaimsPrincipal principal, ExportAuditEvents export, CancellationToken cancellationToken)
    {
        var (typed, filter, fieldErrors) = Read(context.Request.Query);
        if (fieldErrors.Count > 0)
        {
            return new HtmlPage(Name, new Model(typed, [], 0, 1, 1, null, null, CsvPath, Errors(fieldErrors), fieldErrors), StatusCodes.Status400BadRequest);
        }
        var outcome = await export.ExecuteAsync(principal.ToCaller(), filter, cancellationToken);
        if (outcome.TryGetValue(out var events, out var failure))
        {
            return Results.File(AuditEventCsv.ToBytes(events), AuditEventCsv.ContentType, AuditEventsApi.FileName);
        }
        return failure is Failure.TooLarge
            ? new HtmlPage(Name, new Model(typed, [], 0, 1, 1, null, null, CsvPath, [new PageError(FromField, "too_many", ExportAuditEvents.MaxEvents)],
                new Dictionary<string, string> { [FromField] = "too_many" }), StatusCodes.Status413PayloadTooLarge)
            : BureauForms.Failed(failure);
    }

    /// <summary>The filters as typed, as a query for the trail, and each wrong field's error key.</summary>
    private static (Filters Typed, AuditEventQuery Query, Dictionary<string, string> FieldErrors) Read(IQueryCollection query)
    {
        static string? Value(IQueryCollection q, string name) => q[name].ToString() is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var typed = new Filters(Value(query, ActorField), Value(query, ActionField), Value(query, ParticipationField), Value(query, FromField), Value(query, ToField));
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        DateOnly? from = AmsterdamTime.TryParseDate(typed.From, out var fromDate) ? fromDate : null;
        DateOnly? to = AmsterdamTime.TryParseDate(typed.To, out var toDate) ? toDate : null;
        if (typed.From is not null && from is null)
        {
            errors[FromField] = "date";
        }
        if (typed.To is not null && to is null)
        {
            errors[ToField] = "date";
        }
        else if (from is { } f && to is { } t && t < f)
        {
            errors[ToField] = "period";
        }
        // "Up to and including" the date typed: the trail's upper bound is exclusive, so it is the start of the next day.
        var filter = new AuditEventQuery(
            typed.Participation is null ? null : "participation", typed.Participation, typed.Actor,
            from is { } start ? AmsterdamTime.StartOf(start) : null, to is { } end ? AmsterdamTime.StartOf(end.AddDays(1)) : null, typed.Action);
        return (typed, filter, errors);
    }

    private static List<PageError> Errors(Dictionary<string, string> fieldErrors) =>
        [.. new[] { FromField, ToField }.Where(fieldErrors.ContainsKey).Select(f => new PageError(f, fieldErrors[f]))];

    private static string FilterQuery(Filters typed)
    {
        var parts = new[] { (ActorField, typed.Actor), (ActionField, typed.Action), (ParticipationField, typed.Participation), (FromField, typed.From), (ToField, typed.To) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}&");
        return string.Concat(parts);
    }
}
