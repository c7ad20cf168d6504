using System.Globalization;
using Audit.Application.Access;
using Audit.Application.DeepDives;
using Audit.Core.DeepDives;
using Audit.Core.Questionnaires;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/rondes/{roundId}/verdieping/{type}/{institutionId}</c>: the interviews and document studies at one selected
/// institution, and a form to add one or (with <c>?verslag=</c>) change one: date, kind, roles (one per line, never
/// names), notes each with theme boxes, notable practices. A fixed number of note slots keeps it working without
/// JavaScript; empty slots are left out. Saved through <see cref="SaveDeepDiveRecord"/> as the API does.
/// </summary>
public static class DeepDiveInstitutionPage
{
    public const string Name = "bureau/deep-dive-institution";
    public const string RecordField = "verslag";
    public const string VersionField = "versie";
    public const string DateField = "datum";
    public const string KindField = "soort";
    public const string RolesField = "rollen";
    public const string NotePrefix = "notitie-";
    public const string ThemesPrefix = "themas-";
    public const string PracticesField = "praktijken";
    private const int FreeSlots = 2;

    /// <summary>Notices after a delete or change that a colleague's change overtook (texts in <c>bureau_cycles.deep_dive_messages</c>).</summary>
    public const string DeleteStale = "delete_stale";
    public const string RecordGone = "record_gone";
    public const string ChangeGone = "change_gone";

    public sealed record ThemeBox(string Key, string Id, string Title, bool Checked);

    public sealed record NoteSlot(int Number, string TextId, string ThemesName, string? Text, IReadOnlyList<ThemeBox> Themes, string? TextError, string? ThemesError);

    public sealed record RecordView(
        string Id, string Kind, DateTimeOffset Date, IReadOnlyList<string> Roles, IReadOnlyList<NoteView> Notes, string? NotablePractices, int Version, string EditHref);

    public sealed record NoteView(string Text, IReadOnlyList<string> Themes);

    public sealed record Fields(
        string RecordId, string Version, string? Date, string? Kind, string? Roles, IReadOnlyList<NoteSlot> Notes, string? Practices,
        IReadOnlyDictionary<string, string> Errors)
    {
        // Named per field: a template cannot ask a dictionary for a key it may not have.
        public string? DateError => Errors.GetValueOrDefault(DateField);
        public string? KindError => Errors.GetValueOrDefault(KindField + "-interview");
        public string? RolesError => Errors.GetValueOrDefault(RolesField);
        public string? PracticesError => Errors.GetValueOrDefault(PracticesField);
    }

    public sealed record Model(
        string RoundTitle, string Type, string InstitutionName, string Href, string SelectionHref, bool Selected, IReadOnlyList<RecordView> Records,
        Fields Form, bool Editing, IReadOnlyList<PageError> Errors, string? Message);

    public static string Path(string roundId, string type, string institutionId) =>
        $"{DeepDivePage.Path(roundId, type)}/{Uri.EscapeDataString(institutionId)}";

    public static async Task<IResult> ShowAsync(
        string roundId, string institutionType, string institutionId, HttpContext context, ClaimsPrincipal principal, ReadDeepDiveRecords read,
        CancellationToken cancellationToken)
    {
        var found = await ReadAsync(principal.ToCaller(), roundId, institutionType, institutionId, read, cancellationToken);
        if (!found.TryGetValue(out var list, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var editing = list.Records.FirstOrDefault(r => r.Id == context.Request.Query[RecordField].ToString());
        var fields = editing is null ? Empty(list.Sector) : FieldsOf(list.Sector, editing);
        var message = BureauForms.Message(context.Request.Query[ParticipationPage.MessageQuery], "saved", "deleted", DeleteStale, RecordGone);
        return Page(list, institutionId, fields, editing is not null, [], message, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SaveAsync(
        string roundId, string institutionType, string institutionId, HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery,
        ReadDeepDiveRecords read, SaveDeepDiveRecord save, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        var found = await ReadAsync(caller, roundId, institutionType, institutionId, read, cancellationToken);
        if (!found.TryGetValue(out var list, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var recordId = form[RecordField].ToString();
        var themes = list.Sector.Questionnaire.Themes;
        // Slots as posted; a slot with neither text nor a theme is not a note.
        var slots = Enumerable.Range(1, SlotCount(form)).Select(n => (Number: n, Text: BureauForms.Text(form, NotePrefix + n),
            Themes: form[ThemesPrefix + n].Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList())).ToList();
        var used = slots.Where(s => s.Text is not null || s.Themes.Count > 0).ToList();
        var roles = (BureauForms.Text(form, RolesField) ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var input = new DeepDiveRecordInput(institutionId, BureauForms.Text(form, KindField), BureauForms.Text(form, DateField), [.. roles],
            [.. used.Select(s => new DeepDiveNoteInput(s.Text, [.. s.Themes]))], BureauForms.Text(form, PracticesField));
        int? expected = int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var outcome = recordId.Length == 0
            ? await save.ExecuteAsync(caller, roundId, institutionType, input, cancellationToken)
            : await save.ChangeAsync(caller, roundId, institutionType, recordId, input,
                expected is { } version ? VersionPrecondition.Of(version) : VersionPrecondition.Absent, cancellationToken);
        if (outcome.IsOk)
        {
            return Results.Redirect($"{Path(roundId, institutionType, institutionId)}?{ParticipationPage.MessageQuery}=saved");
        }
        failure = outcome.Failure;
        var typed = new Fields(recordId, expected?.ToString(CultureInfo.InvariantCulture) ?? "", input.Date, input.Kind, string.Join('\n', roles),
            Slots(themes, [.. slots.Select(s => (s.Text, (IReadOnlyList<string>)s.Themes))], new Dictionary<string, string>()), input.NotablePractices,
            new Dictionary<string, string>());
        if (failure is Failure.Stale or Failure.PreconditionRequired
            && (await ReadAsync(caller, roundId, institutionType, institutionId, read, cancellationToken)).TryGetValue(out var reread, out _))
        {
            // The colleague's version is in the list above; the form keeps what was typed and now names their version,
            // so saving again replaces it knowingly instead of failing on the same stale version.
            var theirs = reread.Records.FirstOrDefault(r => r.Id == recordId);
            return Page(reread, institutionId, typed with { Version = theirs?.Version.ToString(CultureInfo.InvariantCulture) ?? typed.Version }, recordId.Length > 0,
                [new PageError(null, "conflict")], null, StatusCodes.Status409Conflict);
        }
        if (failure is Failure.NotFound && recordId.Length > 0)
        {
            // A colleague deleted the record meanwhile: keep what was typed as a new record, to be added on the next save.
            return Page(list, institutionId, typed with { RecordId = "", Version = "" }, false, [], ChangeGone, StatusCodes.Status409Conflict);
        }
        if (failure is not Failure.Invalid invalid)
        {
            return BureauForms.Failed(failure);
        }
        var (errors, fieldErrors) = ErrorsOf(invalid, [.. used.Select(s => s.Number)]);
        typed = typed with
        {
            Notes = Slots(themes, [.. slots.Select(s => (s.Text, (IReadOnlyList<string>)s.Themes))], fieldErrors),
            Errors = fieldErrors,
        };
        return Page(list, institutionId, typed, recordId.Length > 0, errors, null, StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> DeleteAsync(
        string roundId, string institutionType, string institutionId, HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery,
        ReadDeepDiveRecords read, SaveDeepDiveRecord save, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        int? expected = int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var outcome = await save.DeleteAsync(principal.ToCaller(), roundId, institutionType, form[RecordField].ToString(),
            expected is { } version ? VersionPrecondition.Of(version) : VersionPrecondition.Absent, cancellationToken);
        if (!outcome.TryGetValue(out var deleted, out var failure))
        {
            // A colleague changed the record in between: show the page again, with their version and a notice, rather than
            // deleting it blindly; one deleted meanwhile is gone either way. Any other refusal (the page itself) is its status.
            if (failure is Failure.Stale or Failure.PreconditionRequired)
            {
                return Results.Redirect($"{Path(roundId, institutionType, institutionId)}?{ParticipationPage.MessageQuery}={DeleteStale}");
            }
            return failure is Failure.NotFound && (await ReadAsync(principal.ToCaller(), roundId, institutionType, institutionId, read, cancellationToken)).IsOk
                ? Results.Redirect($"{Path(roundId, institutionType, institutionId)}?{ParticipationPage.MessageQuery}={RecordGone}")
                : BureauForms.Failed(failure);
        }
        return deleted.InstitutionId == institutionId
            ? Results.Redirect($"{Path(roundId, institutionType, institutionId)}?{ParticipationPage.MessageQuery}=deleted")
            : Results.Redirect(Path(roundId, institutionType, deleted.InstitutionId));
    }

    /// <summary>The records of an institution of the sector; one that is neither selected nor has records is not part of the deep-dive.</summary>
    private static async Task<Outcome<DeepDiveRecordList>> ReadAsync(
        Caller caller, string roundId, string institutionType, string institutionId, ReadDeepDiveRecords read, CancellationToken cancellationToken)
    {
        var found = await read.ExecuteAsync(caller, roundId, institutionType, institutionId, cancellationToken);
        if (found.TryGetValue(out var list, out _) && !list.IsSelected(institutionId) && list.Records.Count == 0)
        {
            return new Failure.NotFound($"'{institutionId}' is not part of this deep-dive.");
        }
        return found;
    }

    private static int SlotCount(IFormCollection form) =>
        Math.Clamp(form.Keys.Where(k => k.StartsWith(NotePrefix, StringComparison.Ordinal) || k.StartsWith(ThemesPrefix, StringComparison.Ordinal))
            .Select(k => int.TryParse(k[(k.IndexOf('-', StringComparison.Ordinal) + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max(), 0, SaveDeepDiveRecord.MaxNotes + FreeSlots);

    private static (List<PageError>, Dictionary<string, string>) ErrorsOf(Failure.Invalid invalid, IReadOnlyList<int> slotOfNote)
    {
        var errors = new List<PageError>();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string field, string key, object? arg = null)
        {
            if (fields.TryAdd(field, key))
            {
                errors.Add(new PageError(field, key, arg));
            }
        }
        foreach (var key in invalid.Errors.Keys.Order(StringComparer.Ordinal))
        {
            if (key == "kind") { Add(KindField + "-interview", "kind"); }
            else if (key == "date") { Add(DateField, "date"); }
            else if (key.StartsWith("roles", StringComparison.Ordinal)) { Add(RolesField, "roles", SaveDeepDiveRecord.MaxRoles); }
            else if (key == "notes") { Add(NotePrefix + "1", "notes", SaveDeepDiveRecord.MaxNotes); }
            else if (key == "notablePractices") { Add(PracticesField, "too_long", DeepDiveSectors.MaxTextLength); }
            else if (BureauForms.IndexIn(key, "notes") is { } i && i < slotOfNote.Count)
            {
                var slot = slotOfNote[i];
                if (key.EndsWith(".text", StringComparison.Ordinal)) { Add(NotePrefix + slot, "note_text", DeepDiveSectors.MaxTextLength); }
                else { Add(ThemesPrefix + slot, "note_themes"); }
            }
            else if (!errors.Any(e => e.Key == "institution"))
            {
                // The institution is the page's own; it is refused only when it left the selection meanwhile.
                errors.Add(new PageError(null, "institution"));
            }
        }
        return (errors, fields);
    }

    private static Fields Empty(DeepDiveSector sector) =>
        new("", "", null, null, null, Slots(sector.Questionnaire.Themes, [], new Dictionary<string, string>()), null, new Dictionary<string, string>());

    private static Fields FieldsOf(DeepDiveSector sector, DeepDiveRecord record) => new(record.Id, record.Version.ToString(CultureInfo.InvariantCulture),
        record.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), record.Kind.ToWireName(), string.Join('\n', record.Roles),
        Slots(sector.Questionnaire.Themes, [.. record.Notes.Select(n => ((string?)n.Text, n.Themes))], new Dictionary<string, string>()),
        record.NotablePractices, new Dictionary<string, string>());

    /// <summary>The given notes, then free slots for new ones.</summary>
    private static List<NoteSlot> Slots(IReadOnlyList<Theme> themes, IReadOnlyList<(string? Text, IReadOnlyList<string> Themes)> notes, IReadOnlyDictionary<string, string> errors)
    {
        var filled = notes.Count;
        while (notes.Count > 0 && filled > 0 && notes[filled - 1].Text is null && notes[filled - 1].Themes.Count == 0)
        {
            filled--;
        }
        return [.. Enumerable.Range(1, filled + FreeSlots).Select(n =>
        {
            var note = n <= notes.Count ? notes[n - 1] : (null, []);
            return new NoteSlot(n, NotePrefix + n, ThemesPrefix + n, note.Text,
                [.. themes.Select(t => new ThemeBox(t.Key, BureauForms.IdFor(ThemesPrefix + n, t.Key), t.Title, note.Themes.Contains(t.Key)))],
                errors.GetValueOrDefault(NotePrefix + n), errors.GetValueOrDefault(ThemesPrefix + n));
        })];
    }

    private static HtmlPage Page(
        DeepDiveRecordList list, string institutionId, Fields fields, bool editing, IReadOnlyList<PageError> errors, string? message, int status)
    {
        var sector = list.Sector;
        var roundId = sector.Round.Round.Id;
        var href = Path(roundId, sector.TypeName, institutionId);
        var titles = sector.Questionnaire.Themes.ToDictionary(t => t.Key, t => t.Title, StringComparer.Ordinal);
        var records = list.Records.OrderByDescending(r => r.HeldOn).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => new RecordView(
            r.Id, r.Kind.ToWireName(), new DateTimeOffset(r.HeldOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), r.Roles,
            [.. r.Notes.Select(n => new NoteView(n.Text, [.. n.Themes.Select(k => titles.GetValueOrDefault(k, k))]))], r.NotablePractices, r.Version,
            $"{href}?{RecordField}={Uri.EscapeDataString(r.Id)}#verslag-formulier")).ToList();
        return new HtmlPage(Name, new Model(sector.Round.Round.Title, sector.TypeName, sector.Find(institutionId)?.InstitutionName ?? institutionId, href,
            DeepDivePage.Path(roundId, sector.TypeName), list.IsSelected(institutionId), records, fields, editing, errors, message), status);
    }
}
