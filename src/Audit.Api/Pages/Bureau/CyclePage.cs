using System.Globalization;
using Audit.Application.Access;
using Audit.Application.CycleFindings;
using Audit.Application.SectorFindings;
using Audit.Core.CycleFindings;
using Audit.Core.Rounds;
using Audit.Core.SectorFindings;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/cycli/{cycle}</c>: an audit cycle's waves (their status and which sectors have approved findings), the
/// cycle summary's status and editor (saved through <see cref="SaveCycleFindings"/> like <c>PUT …/findings</c>), and the
/// links to the national report once a wave is published. <c>…/goedkeuring</c> shows the rendered text of the current
/// version to a second analyst and approves exactly that version through <see cref="ApproveCycleFindings"/>. The forms
/// carry the version they were opened at, so a colleague's save in between is a conflict, never an overwrite.
/// </summary>
public static class CyclePage
{
    public const string Name = "bureau/cycle";
    public const string ApprovalName = "bureau/cycle-approval";
    public const string ApproveSegment = "goedkeuring";
    public const string SummaryField = "samenvatting";
    public const string VersionField = "versie";
    private static readonly string[] Messages = ["saved", "approved", "own", "changed", "not_approvable"];

    public sealed record WaveSector(string Type, bool Approved, string Href);

    public sealed record WaveRow(string Id, string Title, string Status, string Href, IReadOnlyList<WaveSector> Sectors);

    /// <param name="Status">none, draft, approved or changed (an earlier version was approved).</param>
    public sealed record SummaryStatus(
        string Status, int? Version, string? UpdatedBy, DateTimeOffset? UpdatedAt, int? ApprovedVersion, string? ApprovedBy, DateTimeOffset? ApprovedAt,
        bool CanApprove, bool IsAuthor, string ApproveHref);

    public sealed record Model(
        string Cycle, IReadOnlyList<WaveRow> Waves, SummaryStatus Status, string? Current, string Action, string? Summary, string? SummaryError,
        string? TheirSummary, string Version, IReadOnlyList<PageError> Errors, string? Message, string? ReportHref)
    {
        public int MaxLength => SectorFindingsTexts.MaxTextLength;
    }

    public sealed record ApprovalModel(string Cycle, string BackHref, SummaryStatus Status, string Summary, string Action);

    public static string Path(string cycle) => $"{CyclesPage.Path}/{Uri.EscapeDataString(cycle)}";

    public static string ApprovePath(string cycle) => Path(cycle) + "/" + ApproveSegment;

    /// <summary>The national report of the cycle (HTML; the template adds <c>format=pdf</c> for the PDF).</summary>
    public static string ReportHref(string cycle) => $"/api/v1/cycles/{Uri.EscapeDataString(cycle)}/parliament-report";

    public static async Task<IResult> ShowAsync(
        string cycle, HttpContext context, ClaimsPrincipal principal, ReadCycleOverview read, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        if (!(await read.ExecuteAsync(caller, cycle, cancellationToken)).TryGetValue(out var overview, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var current = overview.Editor.Current;
        var message = BureauForms.Message(context.Request.Query[ParticipationPage.MessageQuery], Messages);
        return Form(overview, caller, current?.Summary, null, current?.Version, [], message, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SaveAsync(
        string cycle, HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery, ReadCycleOverview read, SaveCycleFindings save,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        if (!(await read.ExecuteAsync(caller, cycle, cancellationToken)).TryGetValue(out var overview, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        // What was typed is shown again exactly, white space included, whatever the outcome.
        var typed = form[SummaryField].ToString();
        var expected = VersionOf(form);
        var outcome = await save.ExecuteAsync(caller, cycle, BureauForms.Text(form, SummaryField),
            expected is { } version ? VersionPrecondition.Of(version) : VersionPrecondition.Absent, cancellationToken);
        if (outcome.IsOk)
        {
            return Results.Redirect($"{Path(cycle)}?{ParticipationPage.MessageQuery}=saved#samenvatting-status");
        }
        failure = outcome.Failure;
        if (failure is Failure.Stale or Failure.PreconditionRequired
            && (await read.ExecuteAsync(caller, cycle, cancellationToken)).TryGetValue(out var reread, out _))
        {
            // The colleague's text beside the typed one; the form now carries their version, so saving again replaces it knowingly.
            return Form(reread, caller, typed, reread.Editor.Current, reread.Editor.Current?.Version, [new PageError(null, "conflict")], null,
                StatusCodes.Status409Conflict);
        }
        return failure is Failure.Invalid
            ? Form(overview, caller, typed, null, expected, [new PageError(SummaryField, "summary", SectorFindingsTexts.MaxTextLength)], null,
                StatusCodes.Status400BadRequest)
            : BureauForms.Failed(failure);
    }

    public static async Task<IResult> ShowApprovalAsync(
        string cycle, ClaimsPrincipal principal, ReadCycleOverview read, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        if (!(await read.ExecuteAsync(caller, cycle, cancellationToken)).TryGetValue(out var overview, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        if (overview.Editor.Current is not { } current)
        {
            return Results.Redirect(Path(cycle));
        }
        return new HtmlPage(ApprovalName, new ApprovalModel(cycle, Path(cycle), StatusOf(overview.Editor, caller), current.Summary, ApprovePath(cycle)));
    }

    public static async Task<IResult> ApproveAsync(
        string cycle, HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery, ApproveCycleFindings approve,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var ifMatch = VersionOf(form) is { } version ? VersionPrecondition.Of(version) : VersionPrecondition.Absent;
        var outcome = await approve.ExecuteAsync(principal.ToCaller(), cycle, ifMatch, cancellationToken);
        var message = outcome.Failure switch
        {
            null => "approved",
            Failure.Forbidden => "own",
            Failure.Stale or Failure.PreconditionRequired => "changed",
            Failure.Conflict => "not_approvable",
            _ => null,
        };
        // Post/redirect/get with what happened; the cycle page shows the status as it now is.
        return message is null
            ? BureauForms.Failed(outcome.Failure!)
            : Results.Redirect($"{Path(cycle)}?{ParticipationPage.MessageQuery}={message}#samenvatting-status");
    }

    private static int? VersionOf(IFormCollection form) =>
        int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    private static SummaryStatus StatusOf(CycleFindingsEditor editor, Caller caller)
    {
        var current = editor.Current;
        var isAuthor = current is not null && current.UpdatedBy == caller.UserId;
        return new SummaryStatus(current is null ? "none" : FourEyes.StatusOf(current), current?.Version, editor.UpdatedByName, current?.UpdatedAt,
            current?.ApprovedVersion, editor.ApprovedByName, current?.ApprovedAt, current is { IsApproved: false } && !isAuthor, isAuthor,
            ApprovePath(editor.Cycle));
    }

    private static HtmlPage Form(
        CycleOverview overview, Caller caller, string? summary, CycleFindingsRecord? theirs, int? version, IReadOnlyList<PageError> errors,
        string? message, int status)
    {
        var cycle = overview.Editor.Cycle;
        var waves = overview.Waves.Select(w => new WaveRow(w.Round.Round.Id, w.Round.Round.Title, w.Round.Round.Status.ToWireName(),
            BureauPages.RoundPath(w.Round.Round.Id), [.. w.Types.Select(t => new WaveSector(t, w.ApprovedTypes.Contains(t),
                BureauPages.SectorPath(w.Round.Round.Id, t) + "#bevindingen"))])).ToList();
        var fieldError = errors.Any(e => e.FieldId == SummaryField) ? "summary" : null;
        return new HtmlPage(Name, new Model(cycle, waves, StatusOf(overview.Editor, caller), overview.Editor.Current?.Summary, Path(cycle), summary,
            fieldError, theirs?.Summary, version?.ToString(CultureInfo.InvariantCulture) ?? "", errors, message,
            overview.AnyPublished ? ReportHref(cycle) : null), status);
    }
}
