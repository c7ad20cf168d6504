using Audit.Reports.Localization;
using Audit.Core.Time;
using Audit.Application.Access;
using System.Globalization;
using Audit.Application.Rounds;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/rondes/{roundId}/wijzigen</c>: an admin changes a draft or open round's title, deadline (in Dutch time)
/// and reporting date through <see cref="UpdateRound"/>, like <c>PATCH /api/v1/rounds/{roundId}</c>. The form carries
/// the version it was opened at: when a colleague saved in between, nothing is overwritten and the form comes back
/// (409) with the round as it now is. A closed or published round is shown without a form.
/// </summary>
public static class EditRoundPage
{
    public const string Name = "bureau/round-edit";
    public const string VersionField = "versie";

    public static readonly IReadOnlyList<RoundField> Fields =
    [
        new("titel", "titel", "title"),
        new("sluit", "sluit", "closesAt"),
        new("peildatum", "peildatum", "referenceDate"),
        new("cyclus", "cyclus", "cycle"),
    ];

    public sealed record Model(
        string RoundId, string RoundTitle, string Status, bool Editable, bool CanEdit, string OpensAt, string ClosesAt, string? ReferenceDate,
        IReadOnlyDictionary<string, RoundFieldView> Fields, string Version, IReadOnlyList<PageError> Errors,
        bool Saved, string Action, string RoundHref);

    public static string PathFor(string roundId) => BureauPages.RoundPath(roundId) + "/wijzigen";

    public static async Task<IResult> ShowAsync(
        string roundId, HttpContext context, ClaimsPrincipal principal, ReadRounds read, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        var found = await read.GetAsync(caller, roundId, cancellationToken);
        if (!found.TryGetValue(out var record, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var saved = BureauForms.Message(context.Request.Query[RoundActionsPage.NoticeQuery], "saved") is not null;
        return Form(context, caller, record, ValuesOf(record.Round), new Dictionary<string, string>(), [], saved, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SaveAsync(
        string roundId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, ReadRounds read, UpdateRound update,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        var values = Fields.ToDictionary(f => f.Name, f => BureauForms.Text(form, f.Name));
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        DateTimeOffset? closesAt = null;
        if (values["sluit"] is { } closesText)
        {
            if (AmsterdamTime.TryParse(closesText, out var utc))
            {
                closesAt = utc;
            }
            else
            {
                fieldErrors["sluit"] = "sluit";
            }
        }
        DateOnly? referenceDate = null;
        if (values["peildatum"] is { } dateText)
        {
            if (AmsterdamTime.TryParseDate(dateText, out var date))
            {
                referenceDate = date;
            }
            else
            {
                fieldErrors["peildatum"] = "peildatum";
            }
        }
        // An emptied title is refused rather than left as it was: the form always sends the title it shows. An emptied
        // cycle takes the round out of its cycle.
        var changes = new RoundChanges(values["titel"] ?? "", closesAt, referenceDate, values["cyclus"] ?? "");
        var ifMatch = int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? VersionPrecondition.Of(version)
            : VersionPrecondition.Absent;
        Outcome<RoundRecord> outcome;
        if (fieldErrors.Count == 0)
        {
            outcome = await update.ExecuteAsync(caller, roundId, changes, ifMatch, cancellationToken);
        }
        else
        {
            // What the page could not read is listed with the use case's other findings; nothing is written.
            var current = await read.GetAsync(caller, roundId, cancellationToken);
            if (!current.TryGetValue(out var currentRecord, out var readFailure))
            {
                return BureauForms.Failed(readFailure);
            }
            outcome = new Failure.Invalid(FieldErrors.ToDictionary(RoundRules.ValidateChanges(currentRecord.Round, changes)));
        }
        if (outcome.IsOk)
        {
            return Results.Redirect($"{PathFor(roundId)}?{RoundActionsPage.NoticeQuery}=saved");
        }
        var failure = outcome.Failure;
        var reread = await read.GetAsync(caller, roundId, cancellationToken);
        if (!reread.TryGetValue(out var record, out var again))
        {
            return BureauForms.Failed(again);
        }
        List<PageError> errors;
        int status;
        switch (failure)
        {
            case Failure.Invalid invalid:
                foreach (var field in Fields.Where(f => f.Keys.Any(invalid.Errors.ContainsKey)))
                {
                    fieldErrors.TryAdd(field.Name, field.Name);
                }
                errors = Fields.Where(f => fieldErrors.ContainsKey(f.Name)).Select(f => new PageError(f.Id, fieldErrors[f.Name])).ToList();
                status = StatusCodes.Status400BadRequest;
                break;
            case Failure.Stale or Failure.PreconditionRequired:
                // A form sends no If-Match: a colleague's save in between is a conflict with the page's state (409).
                errors = [new PageError(null, "conflict")];
                status = StatusCodes.Status409Conflict;
                break;
            case Failure.Conflict:
                errors = [new PageError(null, "not_editable")];
                status = StatusCodes.Status409Conflict;
                break;
            case Failure.Forbidden:
                errors = [new PageError(null, "forbidden")];
                status = StatusCodes.Status403Forbidden;
                break;
            default:
                return BureauForms.Failed(failure);
        }
        return Form(context, caller, record, values, fieldErrors, errors, saved: false, status);
    }

    private static Dictionary<string, string?> ValuesOf(Round round) => new()
    {
        ["titel"] = round.Title,
        ["sluit"] = AmsterdamTime.Input(round.ClosesAt),
        ["peildatum"] = round.ReferenceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["cyclus"] = round.Cycle,
    };

    /// <summary>The form; after a refusal it keeps what was typed, and takes the round's current version (so saving again is deliberate).</summary>
    private static HtmlPage Form(
        HttpContext context, Caller caller, RoundRecord record, IReadOnlyDictionary<string, string?> values,
        IReadOnlyDictionary<string, string> fieldErrors, IReadOnlyList<PageError> errors, bool saved, int status)
    {
        var round = record.Round;
        var language = PageLanguage.Resolve(context);
        return new HtmlPage(Name, new Model(round.Id, round.Title, round.Status.ToWireName(), RoundRules.CanChange(round.Status).IsAllowed,
            caller.IsAdmin, new ReportFormatter(language).DateTime(round.OpensAt), new ReportFormatter(language).DateTime(round.ClosesAt),
            round.ReferenceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), RoundField.Views(Fields, values, fieldErrors),
            record.RowVersion.ToString(CultureInfo.InvariantCulture), errors, saved, PathFor(round.Id), BureauPages.RoundPath(round.Id)), status);
    }
}
