using System.Globalization;
using Audit.Application.Institutions;
using Audit.Core.Institutions.Imports;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/instellingen/importeren</c>: a CSV import of institutions (admins) or contact persons in two steps.
/// "Controleren" uploads the file and shows the dry run's table, line by line; "Importeren" then applies that same
/// file, which the page carries in a hidden field (base64, so that its bytes, even invalid UTF-8, come back exactly
/// as checked). Both call the use cases of <c>POST /api/v1/institution-imports</c> and <c>/contact-imports</c>. A
/// real import writes everything or nothing, and sends the browser to the registry with the totals.
/// </summary>
public static class InstitutionImportPage
{
    public const string Name = "bureau/institution_import";
    public const string KindField = "soort";
    public const string FileField = "bestand";
    public const string ContentField = "inhoud";
    public const string StepField = "stap";
    public const string InstitutionsKind = "instellingen";
    public const string ContactsKind = "contactpersonen";
    public const string CheckStep = "controleren";
    public const string ApplyStep = "importeren";

    public sealed record LineRow(int Line, string Outcome, string? Id, string? Href, IReadOnlyList<string> Errors, string? About);

    public sealed record Totals(int Created, int Updated, int Unchanged, int Errors);

    public sealed record Model(
        string Kind, bool IsAdmin, IReadOnlyList<LineRow>? Lines, Totals? Totals, string? Content, bool CanApply, IReadOnlyList<PageError> Errors,
        string Action, string BackHref, string InstitutionsHeader, string ContactsHeader);

    public static IResult Show(ClaimsPrincipal principal) =>
        Page(principal.ToCaller().IsAdmin ? InstitutionsKind : ContactsKind, principal.ToCaller().IsAdmin, null, null, [], StatusCodes.Status200OK);

    public static async Task<IResult> PostAsync(
        HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, ImportInstitutions institutions, ImportContacts contacts,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        var kind = form[KindField].ToString() is ContactsKind ? ContactsKind : InstitutionsKind;
        var apply = form[StepField].ToString() == ApplyStep;
        var content = await ContentOfAsync(form, cancellationToken);
        if (content is null)
        {
            return Page(kind, caller.IsAdmin, null, null, [new PageError(FileField, "no_file")], StatusCodes.Status400BadRequest);
        }
        var outcome = kind == ContactsKind
            ? await contacts.ExecuteAsync(caller, content, !apply, cancellationToken)
            : await institutions.ExecuteAsync(caller, content, !apply, cancellationToken);
        if (outcome.TryGetValue(out var result, out var failure))
        {
            if (result.DryRun)
            {
                return Page(kind, caller.IsAdmin, result.Report, content, [], StatusCodes.Status200OK);
            }
            var r = result.Report;
            return Results.Redirect(string.Create(CultureInfo.InvariantCulture,
                $"{BureauPages.InstitutionsPath}?{InstitutionPage.NoticeQuery}=imported&n={r.Created}&n={r.Updated}&n={r.Unchanged}"));
        }
        return failure switch
        {
            // The file changed between the two steps (or was tampered with): its errors are shown, nothing was written.
            Failure.Invalid { Extensions: { } extensions } when extensions.GetValueOrDefault(ImportRun.ReportExtension) is ImportReport report =>
                Page(kind, caller.IsAdmin, report, null, [new PageError(null, "not_imported")], StatusCodes.Status400BadRequest),
            Failure.TooLarge => Page(kind, caller.IsAdmin, null, null, [new PageError(FileField, "too_large", ImportLimits.MaxBytes / 1000)], StatusCodes.Status413PayloadTooLarge),
            Failure.Conflict => Page(kind, caller.IsAdmin, null, null, [new PageError(null, "changed_meanwhile")], StatusCodes.Status409Conflict),
            Failure.Forbidden => Page(kind, caller.IsAdmin, null, null, [new PageError(null, "admins_only")], StatusCodes.Status403Forbidden),
            _ => BureauForms.Failed(failure),
        };
    }

    /// <summary>The uploaded file, else the checked file carried back in the hidden field; null when there is neither.</summary>
    private static async Task<byte[]?> ContentOfAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        if (form.Files.GetFile(FileField) is { Length: > 0 } file)
        {
            using var buffer = new MemoryStream();
            await using var stream = file.OpenReadStream();
            // One byte over the limit is enough for the use case to refuse it as too large.
            var chunk = new byte[81920];
            int read;
            while (buffer.Length <= ImportLimits.MaxBytes && (read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        var carried = form[ContentField].ToString();
        if (carried.Length == 0)
        {
            return null;
        }
        var bytes = new byte[carried.Length];
        return Convert.TryFromBase64String(carried, bytes, out var written) && written > 0 ? bytes[..written] : null;
    }

    private static HtmlPage Page(string kind, bool isAdmin, ImportReport? report, byte[]? content, IReadOnlyList<PageError> errors, int status)
    {
        var lines = report?.Lines.Select(l => new LineRow(l.Line, l.Outcome.ToWireName(), l.Id,
            l.Id is { } id && kind == InstitutionsKind && l.Outcome != ImportOutcome.Created && l.Outcome != ImportOutcome.Error ? BureauPages.InstitutionPath(id) : null,
            l.Errors, l.About)).ToList();
        var totals = report is null ? null : new Totals(report.Created, report.Updated, report.Unchanged, report.Errors);
        var canApply = report is { HasErrors: false } && report.Created + report.Updated > 0 && content is not null;
        return new HtmlPage(Name, new Model(kind, isAdmin, lines, totals, canApply ? Convert.ToBase64String(content!) : null, canApply, errors,
            BureauPages.InstitutionImportPath, BureauPages.InstitutionsPath, InstitutionImport.Header, ContactImport.Header), status);
    }
}
