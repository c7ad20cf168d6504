using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Pages.Sectors;
using Audit.Api.Questionnaires;
using Audit.Application.Questionnaires;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/rondes/{roundId}/sectoren</c>: the current sector view of every institution type in the round (or that it
/// is not computed yet), and <c>…/sectoren/{type}</c>: one view as tables, internal (every value, with what the
/// disclosure rules withhold marked) or published (exactly what the ministry gets, withheld figures as "×"), switched
/// with <c>?weergave=intern|gepubliceerd</c>. Reading the internal view is recorded, as in the sector views API.
/// </summary>
public static class SectorViewsPage
{
    public const string ListName = "bureau-sectors";
    public const string ViewName = "bureau-sector";
    public const string ViewQuery = "weergave";
    public const string InternalValue = "intern";
    public const string PublishedValue = "gepubliceerd";

    public sealed record RoundInfo(string Id, string Title, string Status, string Href);

    public sealed record SectorRow(
        string Type, bool Computed, int? Included, bool Withheld, DateTimeOffset? ComputedAt, string? Fingerprint,
        string? InternalHref, string? PublishedHref, string? ReportHref, string? CsvHref);

    public sealed record ListModel(RoundInfo Round, IReadOnlyList<SectorRow> Sectors);

    public sealed record ViewModel(RoundInfo Round, string Type, SectorTables Tables, string InternalHref, string PublishedHref, string ListHref, string ReportHref, string CsvHref);

    public static async Task<IResult> ListAsync(
        string roundId, IRoundRepository rounds, IRoundProgressQuery progress, ISectorViewRepository views, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(roundId, cancellationToken) is not { } round)
        {
            return Results.NotFound();
        }
        var current = (await views.ListCurrentAsync(roundId, cancellationToken)).ToDictionary(v => v.InstitutionType, StringComparer.Ordinal);
        var types = (await progress.ListAsync(roundId, cancellationToken)).Select(p => p.InstitutionType.ToWireName())
            .Concat(current.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var rows = types.Select(type => current.GetValueOrDefault(type) is { } v
            ? new SectorRow(type, true, v.Included, v.Suppressed, v.ComputedAt, v.Fingerprint, BureauPages.SectorPath(roundId, type),
                BureauPages.SectorPath(roundId, type, published: true), ReportHref(roundId, type), CsvHref(roundId, type))
            : new SectorRow(type, false, null, false, null, null, null, null, null, null)).ToList();
        return new HtmlPage(ListName, new ListModel(Info(round), rows));
    }

    public static async Task<IResult> ShowAsync(
        string roundId, string institutionType, HttpContext context, ClaimsPrincipal principal, IRoundRepository rounds, ISectorViewRepository views,
        QuestionnaireCatalog catalog, IAuditEventRepository trail, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(roundId, cancellationToken) is not { } round
            || await views.GetCurrentAsync(roundId, institutionType, cancellationToken) is not { } stored)
        {
            return Results.NotFound();
        }
        var published = context.Request.Query[ViewQuery].ToString() == PublishedValue;
        if (!published)
        {
            // Unsuppressed numbers are confidential: every read is on record, as in the API.
            await trail.RecordAsync(principal.ToActor().Did("sector-view.read-internal", "sector-view", $"{roundId}/{institutionType}", clock.GetUtcNow(),
                stored.Fingerprint), cancellationToken);
        }
        var questionnaire = await catalog.GetAsync(round.Round.Questionnaire.Key, round.Round.Questionnaire.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Round {roundId} refers to a missing questionnaire.");
        var view = SectorViewJson.Deserialize(published ? stored.PublishedJson : stored.InternalJson);
        return new HtmlPage(ViewName, new ViewModel(Info(round), institutionType, SectorTables.Of(questionnaire, view),
            BureauPages.SectorPath(roundId, institutionType), BureauPages.SectorPath(roundId, institutionType, published: true),
            BureauPages.SectorsPath(roundId), ReportHref(roundId, institutionType), CsvHref(roundId, institutionType)));
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
