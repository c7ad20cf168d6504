using Audit.Api.Pages.Shared;
using Audit.Application.SectorFindings;
using Audit.Application.SectorViews;
using Audit.Core.Institutions;
using Audit.Core.Rounds;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/rondes/{roundId}/sectoren</c>: the current sector view of every institution type in the round (or that it
/// is not computed yet), and <c>…/sectoren/{type}</c>: one view as tables, internal (every value, with what the
/// disclosure rules withhold marked) or published (exactly what the ministry gets, withheld figures as "×"), switched
/// with <c>?weergave=intern|gepubliceerd</c>. Both read through <see cref="ReadSectorViews"/>, as the sector views API
/// does, so reading the internal view is recorded the same way.
/// </summary>
public static class SectorViewsPage
{
    public const string ListName = "bureau/sectors";
    public const string ViewName = "bureau/sector";
    public const string ViewQuery = "weergave";
    public const string InternalValue = "intern";
    public const string PublishedValue = "gepubliceerd";

    public sealed record RoundInfo(string Id, string Title, string Status, string Href);

    public sealed record SectorRow(
        string Type, bool Computed, int? Included, bool Withheld, DateTimeOffset? ComputedAt, string? Fingerprint,
        string? InternalHref, string? PublishedHref, string? ReportHref, string? CsvHref);

    public sealed record ListModel(RoundInfo Round, IReadOnlyList<SectorRow> Sectors);

    /// <param name="Findings">The bureau's sector findings on this view (<see cref="SectorFindingsPage.Panel"/>).</param>
    /// <param name="Message">What the last findings save or approval did (a key under <c>sector_findings.messages</c>), or null.</param>
    public sealed record ViewModel(
        RoundInfo Round, string Type, SectorTables Tables, string InternalHref, string PublishedHref, string ListHref, string ReportHref, string CsvHref,
        SectorFindingsPage.PanelModel? Findings = null, string? Message = null)
    {
        /// <summary>The sector's deep-dive (issue 19), next to the numbers it looks behind.</summary>
        public string DeepDiveHref => DeepDivePage.Path(Round.Id, Type);
    }

    /// <summary>The messages the findings forms redirect to this page with.</summary>
    public static readonly string[] FindingsMessages = ["findings_saved", "findings_approved", "findings_own", "findings_changed", "findings_not_approvable"];

    public static async Task<IResult> ListAsync(
        string roundId, ClaimsPrincipal principal, ReadSectorViews read, IRoundProgressQuery progress, CancellationToken cancellationToken)
    {
        if (!(await read.ExecuteAsync(principal.ToCaller(), roundId, cancellationToken)).TryGetValue(out var list, out var failure))
        {
            return Results.StatusCode(OutcomeProblems.StatusOf(failure));
        }
        var current = list.Items.ToDictionary(v => v.InstitutionType, StringComparer.Ordinal);
        // Types taking part without a computed view yet get a row too, saying so.
        var types = (await progress.ListAsync(roundId, cancellationToken)).Select(p => p.InstitutionType.ToWireName())
            .Concat(current.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var rows = types.Select(type => current.GetValueOrDefault(type) is { } v
            ? new SectorRow(type, true, v.Included, v.Suppressed, v.ComputedAt, v.Fingerprint, BureauPages.SectorPath(roundId, type),
                BureauPages.SectorPath(roundId, type, published: true), ReportHref(roundId, type), CsvHref(roundId, type))
            : new SectorRow(type, false, null, false, null, null, null, null, null, null)).ToList();
        return new HtmlPage(ListName, new ListModel(Info(list.Round), rows));
    }

    public static async Task<IResult> ShowAsync(
        string roundId, string institutionType, HttpContext context, ClaimsPrincipal principal, ReadSectorViews read, ReadSectorFindings findings,
        CancellationToken cancellationToken)
    {
        var published = context.Request.Query[ViewQuery].ToString() == PublishedValue;
        var caller = principal.ToCaller();
        if (!(await read.GetAsync(caller, roundId, institutionType, published, cancellationToken)).TryGetValue(out var found, out var failure))
        {
            return Results.StatusCode(OutcomeProblems.StatusOf(failure));
        }
        var panel = (await findings.EditorAsync(caller, roundId, institutionType, cancellationToken)).TryGetValue(out var editor, out _)
            ? SectorFindingsPage.Panel(editor, caller)
            : null;
        return new HtmlPage(ViewName, new ViewModel(Info(found.Round), institutionType, SectorTables.Of(found.Questionnaire, found.View()),
            BureauPages.SectorPath(roundId, institutionType), BureauPages.SectorPath(roundId, institutionType, published: true),
            BureauPages.SectorsPath(roundId), ReportHref(roundId, institutionType), CsvHref(roundId, institutionType), panel,
            BureauForms.Message(context.Request.Query[ParticipationPage.MessageQuery], FindingsMessages)));
    }

    private static RoundInfo Info(RoundRecord round) =>
        new(round.Round.Id, round.Round.Title, round.Round.Status.ToWireName(), BureauPages.RoundPath(round.Round.Id));

    /// <summary>The sector report (HTML) of the reports API.</summary>
    public static string ReportHref(string roundId, string type) =>
        $"/api/v1/rounds/{Uri.EscapeDataString(roundId)}/sector-views/{Uri.EscapeDataString(type)}/report";

    /// <summary>The published statistics as CSV (open data) of the exports API.</summary>
    public static string CsvHref(string roundId, string type) =>
        $"/api/v1/rounds/{Uri.EscapeDataString(roundId)}/sector-views/{Uri.EscapeDataString(type)}.csv";
}
