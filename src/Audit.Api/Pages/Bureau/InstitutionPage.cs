using Audit.Core.Rounds;
using System.Globalization;
using Audit.Application.Institutions;
using Audit.Core.Institutions;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/instellingen/{id}</c>: one institution with its participations and contact persons. Admins edit or
/// deactivate the institution; the bureau adds contact persons, (de)activates them and sends one a new invitation link.
/// Every form posts to its own address, calls the same use case as the API and comes back here (post/redirect/get)
/// with a notice; a form with errors comes back with them, linked to its fields.
/// </summary>
public static class InstitutionPage
{
    public const string Name = "bureau/institution";
    public const string NoticeQuery = "bericht";
    public const string ContactNameField = "naam";
    public const string ContactEmailField = "email";
    public const string ActiveField = "actief";

    public static readonly string[] Notices =
        ["created", "saved", "contact_added", "contact_activated", "contact_deactivated", "reinvited", "no_open_round", "contact_inactive", "no_public_url"];

    public sealed record ContactRow(string Id, string Name, string Email, bool Active, string UpdateAction, string ReinviteAction);

    public sealed record ParticipationRow(string Href, string RoundTitle, string RoundStatus, string Status, DateTimeOffset ClosesAt);

    public sealed record ContactFormValues(string Name, string Email);

    public sealed record Model(
        Institution Institution, string Type, IReadOnlyList<ContactRow> Contacts, IReadOnlyList<ParticipationRow> Participations, bool IsAdmin,
        bool EditActive, IReadOnlyList<FormField> EditFields, IReadOnlyList<FormField> ContactFields, IReadOnlyList<PageError> Errors,
        IReadOnlyList<string> Types, string Action, string ContactsAction, string BackHref, string? Notice, int NoticeCount);

    public static string ContactsPath(string id) => BureauPages.InstitutionPath(id) + "/contactpersonen";

    public static string ContactPath(string id, string userId) => ContactsPath(id) + "/" + Uri.EscapeDataString(userId);

    public static string ReinvitePath(string id, string userId) => ContactPath(id, userId) + "/uitnodiging";

    public static async Task<IResult> ShowAsync(string id, HttpContext context, ClaimsPrincipal principal, ReadContacts read, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var notice = BureauForms.Message(query[NoticeQuery], Notices);
        var count = int.TryParse(query["n"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return await PageAsync(id, principal.ToCaller(), read, null, null, new Dictionary<string, string>(), [], notice, count, StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<IResult> SaveAsync(
        string id, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, UpdateInstitution update, ReadContacts read,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var values = InstitutionForm.Read(form, withId: false);
        var caller = principal.ToCaller();
        // An emptied city or BRIN clears it: "" is "unknown", which the rules store as null.
        var outcome = await update.ExecuteAsync(caller, id, new InstitutionChange(values.Name, values.Type, values.City, values.Brin, values.Active), cancellationToken);
        if (outcome.IsOk)
        {
            return Back(id, "saved");
        }
        var (fieldErrors, errors) = InstitutionForm.ErrorsOf(outcome.Failure, "instelling-");
        return fieldErrors is null
            ? BureauForms.Failed(outcome.Failure)
            : await PageAsync(id, caller, read, values with { Id = id }, null, fieldErrors, errors, null, 0, OutcomeProblems.StatusOf(outcome.Failure), cancellationToken);
    }

    public static async Task<IResult> AddContactAsync(
        string id, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, AddContact add, ReadContacts read,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var typed = new ContactFormValues(form[ContactNameField].ToString(), form[ContactEmailField].ToString().Trim());
        var caller = principal.ToCaller();
        var outcome = await add.ExecuteAsync(caller, id, new NewContact(typed.Name, typed.Email), cancellationToken);
        if (outcome.IsOk)
        {
            return Back(id, "contact_added");
        }
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (outcome.Failure)
        {
            case Failure.Invalid invalid:
                foreach (var key in new[] { "name", "email" }.Where(invalid.Errors.ContainsKey))
                {
                    fieldErrors["contact-" + (key == "name" ? ContactNameField : ContactEmailField)] = "contact_" + key;
                }
                break;
            case Failure.Conflict:
                fieldErrors["contact-" + ContactEmailField] = "contact_email_taken";
                break;
            default:
                return BureauForms.Failed(outcome.Failure);
        }
        var errors = fieldErrors.Select(e => new PageError(e.Key, e.Value)).ToList();
        return await PageAsync(id, caller, read, null, typed, fieldErrors, errors, null, 0, OutcomeProblems.StatusOf(outcome.Failure), cancellationToken);
    }

    public static async Task<IResult> UpdateContactAsync(
        string id, string userId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, UpdateContact update,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var active = form[ActiveField].ToString() switch { "ja" => true, "nee" => false, _ => (bool?)null };
        if (active is null)
        {
            return BureauForms.Refused(context);
        }
        var outcome = await update.ExecuteAsync(principal.ToCaller(), id, userId, new ContactChange(null, active), cancellationToken);
        return outcome.IsOk ? Back(id, active.Value ? "contact_activated" : "contact_deactivated") : BureauForms.Failed(outcome.Failure);
    }

    public static async Task<IResult> ReinviteAsync(
        string id, string userId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, ReinviteContact reinvite,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is null)
        {
            return BureauForms.Refused(context);
        }
        var outcome = await reinvite.ExecuteAsync(principal.ToCaller(), id, userId, cancellationToken);
        if (outcome.TryGetValue(out var done, out var failure))
        {
            return Back(id, "reinvited", done.RoundIds.Count);
        }
        return failure switch
        {
            Failure.Conflict when failure.Extensions?.GetValueOrDefault(ReinviteContact.ReasonExtension) is ReinviteContact.InactiveReason => Back(id, "contact_inactive"),
            Failure.Conflict => Back(id, "no_open_round"),
            Failure.Unavailable => Back(id, "no_public_url"),
            _ => BureauForms.Failed(failure),
        };
    }

    private static IResult Back(string id, string notice, int? count = null) =>
        Results.Redirect($"{BureauPages.InstitutionPath(id)}?{NoticeQuery}={notice}" +
            (count is { } c ? "&n=" + c.ToString(CultureInfo.InvariantCulture) : "") + "#meldingen");

    private static async Task<IResult> PageAsync(
        string id, Audit.Application.Access.Caller caller, ReadContacts read, InstitutionForm.Values? edit, ContactFormValues? contact,
        IReadOnlyDictionary<string, string> fieldErrors, IReadOnlyList<PageError> errors, string? notice, int count, int status,
        CancellationToken cancellationToken)
    {
        var found = await read.ExecuteAsync(caller, id, cancellationToken);
        if (!found.TryGetValue(out var file, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var i = file.Institution;
        var contacts = file.Contacts.Select(u => new ContactRow(u.Id, u.Name, u.Email, u.Active, ContactPath(id, u.Id), ReinvitePath(id, u.Id))).ToList();
        var participations = file.Participations.Select(p => new ParticipationRow(BureauPages.ParticipationPath(p.ParticipationId), p.RoundTitle,
            p.RoundStatus.ToWireName(), p.Status.ToWireName(), p.ClosesAt)).ToList();
        var values = edit ?? new InstitutionForm.Values(i.Id, i.Name, i.Type.ToWireName(), i.City ?? "", i.Brin ?? "", i.Active);
        contact ??= new ContactFormValues("", "");
        IReadOnlyList<FormField> contactFields =
        [
            new(ContactNameField, "contact-" + ContactNameField, contact.Name, fieldErrors.GetValueOrDefault("contact-" + ContactNameField), "off"),
            new(ContactEmailField, "contact-" + ContactEmailField, contact.Email, fieldErrors.GetValueOrDefault("contact-" + ContactEmailField), "off", Kind: "email"),
        ];
        return new HtmlPage(Name, new Model(i, i.Type.ToWireName(), contacts, participations, caller.IsAdmin, values.Active,
            InstitutionForm.FieldsOf(values, fieldErrors, "instelling-", withId: false), contactFields, errors, [.. InstitutionTypes.WireNames], BureauPages.InstitutionPath(id), ContactsPath(id), BureauPages.InstitutionsPath,
            notice, count), status);
    }
}
