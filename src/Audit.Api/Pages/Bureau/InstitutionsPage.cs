using Audit.Application.Institutions;
using Audit.Application.Requests;
using Audit.Core.Institutions;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/instellingen</c>: the institution registry, filtered by type, name and active with a plain GET form,
/// each row with its number of active contact persons and a link to its page. <c>?ronde=</c> narrows it to the
/// round's institutions without a contact person (the dashboard links here after sending invitations).
/// <c>/bureau/instellingen/nieuw</c> adds one (admins), through <see cref="CreateInstitution"/> like the API.
/// </summary>
public static class InstitutionsPage
{
    public const string Name = "bureau/institutions";
    public const string NewName = "bureau/institution_new";
    public const string TypeQuery = "type";
    public const string NameQuery = "naam";
    public const string ActiveQuery = "actief";
    public const string RoundQuery = "ronde";

    public sealed record Row(string Href, string Id, string Name, string Type, string? City, string? Brin, bool Active, int Contacts);

    public sealed record RoundFilter(string Id, string Title, string Href);

    public sealed record Model(
        IReadOnlyList<Row> Rows, long Total, bool More, IReadOnlyList<string> Types, string? TypeFilter, string? NameFilter,
        string? ActiveFilter, RoundFilter? Round, bool IsAdmin, string NewHref, string ImportHref, string? Notice, IReadOnlyList<int> NoticeCounts);

    /// <summary>The values of the new-institution form as typed, with the error (a key under <c>errors</c>) per field.</summary>
    public sealed record NewModel(
        IReadOnlyList<FormField> Fields, IReadOnlyList<PageError> Errors,
        IReadOnlyList<string> Types, string Action, string BackHref);

    public static async Task<IResult> ListAsync(
        HttpContext context, ClaimsPrincipal principal, ReadInstitutions read, ReadContacts contacts, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        var query = context.Request.Query;
        // An unknown filter value (a hand-edited address) filters nothing, rather than answering 400 to a person.
        var type = InstitutionTypes.WireNames.FirstOrDefault(t => t == query[TypeQuery].ToString());
        var active = query[ActiveQuery].ToString() switch { "ja" => true, "nee" => false, _ => (bool?)null };
        var name = query[NameQuery].ToString().Trim() is { Length: > 0 and <= ReadInstitutions.NameQueryMaxLength } n ? n : null;
        RoundFilter? round = null;
        IReadOnlySet<string>? only = null;
        if (query[RoundQuery].ToString() is { Length: > 0 } roundId)
        {
            var without = await contacts.WithoutContactAsync(caller, roundId, cancellationToken);
            if (!without.TryGetValue(out var found, out var roundFailure))
            {
                return BureauForms.Failed(roundFailure);
            }
            round = new RoundFilter(roundId, found.RoundTitle, BureauPages.RoundPath(roundId));
            only = found.InstitutionIds;
        }
        var listed = await read.ExecuteAsync(caller, type, active, name, new PageInput(1, Audit.Core.Paging.PageRequest.MaxPageSize), cancellationToken);
        var counted = await contacts.CountsAsync(caller, cancellationToken);
        if (!listed.TryGetValue(out var page, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        if (!counted.TryGetValue(out var counts, out failure))
        {
            return BureauForms.Failed(failure);
        }
        var rows = page.Items.Where(i => only is null || only.Contains(i.Id))
            .OrderBy(i => i.Name, StringComparer.CurrentCulture)
            .Select(i => new Row(BureauPages.InstitutionPath(i.Id), i.Id, i.Name, i.Type.ToWireName(), i.City, i.Brin, i.Active, counts.GetValueOrDefault(i.Id)))
            .ToList();
        var notice = BureauForms.Message(query[InstitutionPage.NoticeQuery], "imported");
        var noticeCounts = query["n"].Select(v => int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 0)
            .Concat([0, 0, 0]).Take(3).ToList();
        return new HtmlPage(Name, new Model(rows, only is null ? page.Total : rows.Count, page.Total > page.Items.Count,
            [.. InstitutionTypes.WireNames], type, name, active switch { true => "ja", false => "nee", _ => null }, round, caller.IsAdmin,
            BureauPages.NewInstitutionPath, BureauPages.InstitutionImportPath, notice, noticeCounts));
    }

    public static IResult ShowNew(ClaimsPrincipal principal) =>
        principal.ToCaller().IsAdmin
            ? New(new InstitutionForm.Values("", "", "", "", "", true), new Dictionary<string, string>(), [], StatusCodes.Status200OK)
            : Results.StatusCode(StatusCodes.Status403Forbidden);

    public static async Task<IResult> CreateAsync(
        HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, CreateInstitution create, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var values = InstitutionForm.Read(form, withId: true);
        var outcome = await create.ExecuteAsync(principal.ToCaller(),
            new InstitutionDraft(values.Id, values.Name, values.Type, values.City, values.Brin), cancellationToken);
        if (outcome.TryGetValue(out var institution, out var failure))
        {
            return Results.Redirect($"{BureauPages.InstitutionPath(institution.Id)}?{InstitutionPage.NoticeQuery}=created");
        }
        var (fieldErrors, errors) = InstitutionForm.ErrorsOf(failure);
        return fieldErrors is null ? BureauForms.Failed(failure) : New(values, fieldErrors, errors, OutcomeProblems.StatusOf(failure));
    }

    private static HtmlPage New(InstitutionForm.Values values, IReadOnlyDictionary<string, string> fieldErrors, IReadOnlyList<PageError> errors, int status) =>
        new(NewName, new NewModel(InstitutionForm.FieldsOf(values, fieldErrors, "", withId: true), errors, [.. InstitutionTypes.WireNames], BureauPages.NewInstitutionPath, BureauPages.InstitutionsPath), status);
}

/// <summary>
/// One field of a form as the template renders it: <see cref="Name"/> is the form field's name and its text key,
/// <see cref="Error"/> the key of its error text (null when it is fine); <see cref="Kind"/> is an input type or "select".
/// </summary>
public sealed record FormField(string Name, string Id, string Value, string? Error, string Autocomplete, string Kind = "text", bool HasHint = false)
{
    public string DescribedBy => string.Join(" ", new[] { HasHint ? Id + "-uitleg" : null, Error is null ? null : Id + "-fout" }.OfType<string>());
}

/// <summary>The institution form's fields (new and edit share them) and how the use case's errors land on them.</summary>
public static class InstitutionForm
{
    public sealed record Values(string Id, string Name, string Type, string City, string Brin, bool Active);

    /// <summary>Form field name → use case field, in the order of the form.</summary>
    public static readonly IReadOnlyList<(string Field, string Key)> Fields =
        [("id", "id"), ("naam", "name"), ("type", "type"), ("brin", "brin"), ("plaats", "city")];

    /// <summary>
    /// The form's fields in order, each with its value and error key, ready for the template (which cannot look a
    /// field up in a dictionary). <paramref name="prefix"/> keeps ids unique when a page has more than one form.
    /// </summary>
    public static IReadOnlyList<FormField> FieldsOf(Values values, IReadOnlyDictionary<string, string> fieldErrors, string prefix, bool withId)
    {
        var fields = new List<FormField>();
        if (withId)
        {
            fields.Add(new FormField("id", prefix + "id", values.Id, fieldErrors.GetValueOrDefault("id"), "off", HasHint: true));
        }
        fields.Add(new FormField("naam", prefix + "naam", values.Name, fieldErrors.GetValueOrDefault("naam"), "organization"));
        fields.Add(new FormField("type", prefix + "type", values.Type, fieldErrors.GetValueOrDefault("type"), "off", Kind: "select"));
        fields.Add(new FormField("brin", prefix + "brin", values.Brin, fieldErrors.GetValueOrDefault("brin"), "off", HasHint: true));
        fields.Add(new FormField("plaats", prefix + "plaats", values.City, fieldErrors.GetValueOrDefault("plaats"), "address-level2"));
        return fields;
    }

    public static Values Read(IFormCollection form, bool withId) => new(
        withId ? form["id"].ToString().Trim() : "", form["naam"].ToString(), form["type"].ToString(), form["plaats"].ToString().Trim(),
        form["brin"].ToString().Trim(), form["actief"].ToString() != "nee");

    /// <summary>
    /// Per form field the error key (its use-case field name; "id_taken" for a conflict on the id), and the summary;
    /// null when the failure is not about the form.
    /// </summary>
    public static (IReadOnlyDictionary<string, string>? FieldErrors, IReadOnlyList<PageError> Errors) ErrorsOf(Failure failure, string idPrefix = "")
    {
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (failure is Failure.Conflict)
        {
            fieldErrors["id"] = "id_taken";
        }
        else if (failure is Failure.Invalid invalid)
        {
            foreach (var (field, key) in Fields.Where(f => invalid.Errors.ContainsKey(f.Key)))
            {
                fieldErrors[field] = key;
            }
        }
        else
        {
            return (null, []);
        }
        return (fieldErrors, Fields.Where(f => fieldErrors.ContainsKey(f.Field))
            .Select(f => new PageError(idPrefix + f.Field, fieldErrors[f.Field])).ToList());
    }
}
