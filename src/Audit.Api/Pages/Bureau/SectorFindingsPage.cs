using System.Globalization;
using Audit.Api.SectorFindings;
using Audit.Application.Access;
using Audit.Application.SectorFindings;
using Audit.Core.Rounds;
using Audit.Core.SectorFindings;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// The bureau's sector findings in pages. <see cref="Panel"/> is the block on the sector page
/// (<c>/bureau/rondes/{roundId}/sectoren/{type}</c>): status, the summary and per theme the texts, with the approve
/// button for a second analyst; <c>…/{type}/bevindingen</c> is the editor, saved through <see cref="SaveSectorFindings"/>
/// like <c>PUT …/findings</c>, and <c>…/bevindingen/goedkeuring</c> approves through <see cref="ApproveSectorFindings"/>
/// like <c>POST …/findings/approvals</c>. The form carries the version it was opened at, so a colleague's save in
/// between comes back as a conflict (409) instead of being overwritten, and an approval lands only on the text read.
/// </summary>
public static class SectorFindingsPage
{
    public const string Name = "bureau/sector-findings";
    public const string Segment = "bevindingen";
    public const string ApproveSegment = "goedkeuring";
    public const string SummaryField = "samenvatting";
    public const string VersionField = "versie";

    /// <summary>The parts of a theme, with the form field prefix (<c>bevindingen:{themeKey}</c>) and the API body name.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Part)> Parts =
        [("bevindingen", "findings"), ("conclusies", "conclusions"), ("aanbevelingen", "recommendations"), ("voorbeelden", "illustrations")];

    public sealed record PartField(string Part, string Name, string Id, string? Value, string? Error, string? Theirs);

    public sealed record ThemeFields(string Key, int Number, string Title, IReadOnlyList<PartField> Parts);

    public sealed record ThemeText(string Key, string Title, string Findings, string? Conclusions, string? Recommendations, string? Illustrations);

    /// <param name="Status">none, draft, approved or changed (an earlier version was approved).</param>
    public sealed record PanelModel(
        string Status, string? Summary, IReadOnlyList<ThemeText> Themes, int? Version, string? UpdatedBy, DateTimeOffset? UpdatedAt,
        string? ApprovedBy, DateTimeOffset? ApprovedAt, int? ApprovedVersion, bool CanEdit, bool CanApprove, bool IsAuthor, string EditHref,
        string ApproveAction);

    public sealed record Model(
        string RoundId, string RoundTitle, string Type, string BackHref, string Action, IReadOnlyList<ThemeFields> Themes, string? Summary,
        string? SummaryError, string? TheirSummary, string Version, bool Conflict, IReadOnlyList<PageError> Errors, bool Published)
    {
        public int MaxLength => SectorFindingsTexts.MaxTextLength;
    }

    public static string Path(string roundId, string type) => BureauPages.SectorPath(roundId, type) + "/" + Segment;

    public static string ApprovePath(string roundId, string type) => Path(roundId, type) + "/" + ApproveSegment;

    /// <summary>The findings block of the sector page, for <paramref name="caller"/>.</summary>
    public static PanelModel Panel(SectorFindingsEditor editor, Caller caller)
    {
        var target = editor.Target;
        var round = target.Round.Round;
        var current = editor.Current;
        var titles = target.Questionnaire.Themes.ToDictionary(t => t.Key, t => t.Title, StringComparer.Ordinal);
        var themes = current is null ? [] : SectorFindingsTexts.ThemesOf(current)
            .Select(t => new ThemeText(t.ThemeKey!, titles.GetValueOrDefault(t.ThemeKey!, t.ThemeKey!), t.Findings ?? "", t.Conclusions, t.Recommendations, t.Illustrations))
            .ToList();
        var open = round.Status != RoundStatus.Published;
        var isAuthor = current is not null && current.UpdatedBy == caller.UserId;
        return new PanelModel(
            current is null ? "none" : SectorFindingsApi.StatusOf(current), current?.Summary, themes, current?.Version, editor.UpdatedByName,
            current?.UpdatedAt, editor.ApprovedByName, current?.ApprovedAt, current?.ApprovedVersion, open,
            open && current is { IsApproved: false } && !isAuthor, isAuthor, Path(round.Id, target.TypeName), ApprovePath(round.Id, target.TypeName));
    }

    public static async Task<IResult> ShowAsync(
        string roundId, string institutionType, ClaimsPrincipal principal, ReadSectorFindings read, CancellationToken cancellationToken)
    {
        if (!(await read.EditorAsync(principal.ToCaller(), roundId, institutionType, cancellationToken)).TryGetValue(out var editor, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var stored = editor.Current;
        return Form(editor, stored is null ? new Dictionary<string, SectorFindingsTheme>() : ByTheme(stored), stored?.Summary, null, stored?.Version, [],
            new Dictionary<string, string>(), StatusCodes.Status200OK);
    }

    public static async Task<IResult> SaveAsync(
        string roundId, string institutionType, HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery, ReadSectorFindings read,
        SaveSectorFindings save, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        if (!(await read.EditorAsync(caller, roundId, institutionType, cancellationToken)).TryGetValue(out var editor, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var typed = editor.Target.Questionnaire.Themes.ToDictionary(t => t.Key, t => new SectorFindingsTheme(t.Key,
            BureauForms.Text(form, Field("bevindingen", t.Key)), BureauForms.Text(form, Field("conclusies", t.Key)),
            BureauForms.Text(form, Field("aanbevelingen", t.Key)), BureauForms.Text(form, Field("voorbeelden", t.Key))), StringComparer.Ordinal);
        var summary = BureauForms.Text(form, SummaryField);
        // A theme left wholly empty is left out; one with only conclusions or recommendations still needs its findings.
        var themes = typed.Values.Where(t => t.Findings is not null || t.Conclusions is not null || t.Recommendations is not null || t.Illustrations is not null).ToList();
        int? expected = int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var ifMatch = expected is { } version ? VersionPrecondition.Of(version) : VersionPrecondition.Absent;
        var outcome = await save.ExecuteAsync(caller, roundId, institutionType, new SectorFindingsInput(summary, [.. themes]), ifMatch, cancellationToken);
        if (outcome.IsOk)
        {
            return Results.Redirect($"{BureauPages.SectorPath(roundId, institutionType)}?{ParticipationPage.MessageQuery}=findings_saved#bevindingen");
        }
        failure = outcome.Failure;
        if (failure is Failure.Stale or Failure.PreconditionRequired
            && (await read.EditorAsync(caller, roundId, institutionType, cancellationToken)).TryGetValue(out var reread, out _))
        {
            return Form(reread, typed, summary, reread.Current, reread.Current?.Version, [new PageError(null, "conflict")], new Dictionary<string, string>(), StatusCodes.Status409Conflict);
        }
        if (failure is Failure.Conflict)
        {
            return Form(editor, typed, summary, null, expected, [new PageError(null, "published")], new Dictionary<string, string>(), StatusCodes.Status409Conflict);
        }
        if (failure is not Failure.Invalid invalid)
        {
            return BureauForms.Failed(failure);
        }
        var (errors, fieldErrors) = ErrorsOf(invalid, themes);
        return Form(editor, typed, summary, null, expected, errors, fieldErrors, StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> ApproveAsync(
        string roundId, string institutionType, HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery, ApproveSectorFindings approve,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var ifMatch = int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? VersionPrecondition.Of(version) : VersionPrecondition.Absent;
        var outcome = await approve.ExecuteAsync(principal.ToCaller(), roundId, institutionType, ifMatch, cancellationToken);
        var message = outcome.Failure switch
        {
            null => "findings_approved",
            Failure.Forbidden => "findings_own",
            Failure.Stale or Failure.PreconditionRequired => "findings_changed",
            Failure.Conflict => "findings_not_approvable",
            _ => null,
        };
        // Post/redirect/get with what happened; the sector page shows the status as it now is.
        return message is null
            ? BureauForms.Failed(outcome.Failure!)
            : Results.Redirect($"{BureauPages.SectorPath(roundId, institutionType)}?{ParticipationPage.MessageQuery}={message}#bevindingen");
    }

    public static string Field(string prefix, string themeKey) => prefix + ":" + themeKey;

    private static string FieldId(string prefix, string themeKey) => BureauForms.IdFor(prefix, themeKey);

    private static Dictionary<string, SectorFindingsTheme> ByTheme(SectorFindingsRecord findings) =>
        SectorFindingsTexts.ThemesOf(findings).ToDictionary(t => t.ThemeKey!, StringComparer.Ordinal);

    /// <summary>The use case's errors at this form's fields: its keys follow the API body (<c>themes[i].findings</c> etc.).</summary>
    private static (List<PageError> Errors, Dictionary<string, string> FieldErrors) ErrorsOf(Failure.Invalid invalid, IReadOnlyList<SectorFindingsTheme> themes)
    {
        var errors = new List<PageError>();
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in invalid.Errors.Keys)
        {
            if (key == "summary")
            {
                fieldErrors[SummaryField] = "summary";
                errors.Add(new PageError(SummaryField, "summary", SectorFindingsTexts.MaxTextLength));
                continue;
            }
            // The themes come from this questionnaire, each once: only a part's text can be wrong.
            var theme = themes[BureauForms.IndexIn(key, "themes") ?? throw new InvalidOperationException($"Unexpected findings error '{key}'.")];
            var part = key[(key.LastIndexOf('.') + 1)..];
            var prefix = Parts.Single(p => p.Part == part).Prefix;
            var error = part == "findings" && theme.Findings is null ? "findings_missing" : "too_long";
            fieldErrors[Field(prefix, theme.ThemeKey!)] = error;
            errors.Add(new PageError(FieldId(prefix, theme.ThemeKey!), error, SectorFindingsTexts.MaxTextLength));
        }
        return (errors, fieldErrors);
    }

    private static HtmlPage Form(
        SectorFindingsEditor editor, IReadOnlyDictionary<string, SectorFindingsTheme> typed, string? summary, SectorFindingsRecord? theirs, int? version,
        IReadOnlyList<PageError> errors, IReadOnlyDictionary<string, string> fieldErrors, int status)
    {
        var their = theirs is null ? null : ByTheme(theirs);
        var themes = editor.Target.Questionnaire.Themes.Select((t, i) =>
        {
            var mine = typed.GetValueOrDefault(t.Key);
            var other = their?.GetValueOrDefault(t.Key);
            return new ThemeFields(t.Key, i + 1, t.Title, [.. Parts.Select(p => new PartField(p.Part, Field(p.Prefix, t.Key), FieldId(p.Prefix, t.Key),
                Value(mine, p.Part), fieldErrors.GetValueOrDefault(Field(p.Prefix, t.Key)), Value(other, p.Part)))]);
        }).ToList();
        var target = editor.Target;
        var round = target.Round.Round;
        return new HtmlPage(Name, new Model(round.Id, round.Title, target.TypeName, BureauPages.SectorPath(round.Id, target.TypeName) + "#bevindingen",
            Path(round.Id, target.TypeName), themes, summary, fieldErrors.GetValueOrDefault(SummaryField), theirs?.Summary,
            version?.ToString(CultureInfo.InvariantCulture) ?? "", theirs is not null, errors, round.Status == RoundStatus.Published), status);
    }

    private static string? Value(SectorFindingsTheme? theme, string part) => part switch
    {
        "findings" => theme?.Findings,
        "conclusions" => theme?.Conclusions,
        "recommendations" => theme?.Recommendations,
        _ => theme?.Illustrations,
    };
}
