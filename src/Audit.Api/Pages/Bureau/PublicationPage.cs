using Audit.Api.Pages.Shared;
using Audit.Api.Rounds;
using Audit.Application.Rounds;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/rondes/{roundId}/publiceren</c>: the preview and confirmation of publishing a round. Per institution type
/// what the ministry will see (published, or "not published: too few institutions", or nothing), how much is withheld,
/// whether the view is current, and the participations still submitted but not reviewed; <c>…/publiceren/{type}</c>
/// shows one published view with the same tables as the ministry's page (<see cref="SectorTables"/>, from the same stored
/// published form). Both read <see cref="PreviewPublication"/>, as <c>GET /api/v1/rounds/{roundId}/publication-preview</c>
/// does; the post goes through <see cref="ChangeRoundStatus"/> (so <see cref="PublishRound"/>), as the API's status
/// change does, and a refusal comes back as this page with the reasons (409).
/// </summary>
public static class PublicationPage
{
    public const string Name = "bureau/publication";
    public const string SectorName = "bureau/publication-sector";
    public const string Segment = "publiceren";

    /// <param name="Shown">What the ministry sees of this type: published, withheld (too few institutions) or none (no view).</param>
    public sealed record SectorRow(
        string Type, string RowId, int Participations, int Accepted, int SubmittedNotReviewed, string State, bool Stale, string Shown,
        SuppressionCounts? Suppression, string? PreviewHref);

    /// <param name="Error">Why the last press did not publish (a key under the page's <c>errors</c>); null on a plain view.</param>
    public sealed record Model(
        string RoundId, string Title, string Status, bool RoundClosed, bool CanPublish, bool IsAdmin, int SubmittedNotReviewed, string SubmittedHref,
        IReadOnlyList<SectorRow> Sectors, IReadOnlyList<SectorRow> StaleSectors, string Action, string BackHref, string? Error)
    {
        /// <summary>The sectors published with figures that still lack approved findings, each with its sector page.</summary>
        public IReadOnlyList<FindingsLink> FindingsMissing { get; init; } = [];
    }

    public sealed record FindingsLink(string Type, string Href);

    public sealed record SectorModel(string RoundId, string Title, string Type, string State, SectorTables Tables, string BackHref);

    public static string Path(string roundId) => BureauPages.RoundPath(roundId) + "/" + Segment;

    public static string SectorPath(string roundId, string type) => Path(roundId) + "/" + Uri.EscapeDataString(type);

    public static async Task<IResult> ShowAsync(string roundId, ClaimsPrincipal principal, PreviewPublication preview, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        return (await preview.ExecuteAsync(caller, roundId, cancellationToken)).TryGetValue(out var found, out var failure)
            ? Page(found, caller.IsAdmin, null, StatusCodes.Status200OK)
            : BureauForms.Failed(failure);
    }

    public static async Task<IResult> PublishAsync(
        string roundId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, ChangeRoundStatus change, PreviewPublication preview,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is null)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        var published = await change.ExecuteAsync(caller, roundId, RoundStatus.Published.ToWireName(), cancellationToken);
        if (published.TryGetValue(out _, out var failure))
        {
            return RoundStatusPage.Back(roundId, "status_published");
        }
        var error = failure switch
        {
            Failure.Conflict when failure.Extensions?.ContainsKey("findingsMissing") == true => "findings",
            Failure.Conflict when failure.Extensions?.ContainsKey("reasons") == true => "stale",
            Failure.Conflict => "not_allowed",
            _ => null,
        };
        // The page as it is now, so the reasons shown are the ones that hold at this moment.
        return error is not null && (await preview.ExecuteAsync(caller, roundId, cancellationToken)).TryGetValue(out var now, out _)
            ? Page(now, caller.IsAdmin, error, StatusCodes.Status409Conflict)
            : BureauForms.Failed(failure);
    }

    public static async Task<IResult> SectorAsync(
        string roundId, string institutionType, ClaimsPrincipal principal, PreviewPublication preview, CancellationToken cancellationToken)
    {
        if (!(await preview.ExecuteAsync(principal.ToCaller(), roundId, cancellationToken)).TryGetValue(out var found, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var sector = found.Sectors.FirstOrDefault(s => s.Readiness.Type.ToWireName() == institutionType);
        if (sector?.Published() is not { } view)
        {
            return Results.NotFound();
        }
        var round = found.Round.Round;
        return new HtmlPage(SectorName, new SectorModel(round.Id, round.Title, institutionType, PublicationApi.WireName(sector.Readiness.Freshness),
            SectorTables.Of(found.Questionnaire, view), Path(round.Id)));
    }

    private static HtmlPage Page(PublicationPreview preview, bool isAdmin, string? error, int status)
    {
        var round = preview.Round.Round;
        var rows = preview.Sectors.Select(s => Row(round.Id, s)).ToList();
        return new HtmlPage(Name, new Model(round.Id, round.Title, round.Status.ToWireName(), round.Status == RoundStatus.Closed, preview.CanPublish,
            isAdmin, preview.Readiness.SubmittedNotReviewed,
            $"{BureauPages.RoundPath(round.Id)}?{RoundDashboardPage.StatusQuery}={ParticipationStatus.Submitted.ToWireName()}#deelnames",
            rows, [.. rows.Where(r => r.Stale)], Path(round.Id), BureauPages.RoundPath(round.Id), error)
        {
            FindingsMissing = [.. preview.FindingsMissing.Select(type => new FindingsLink(type, BureauPages.SectorPath(round.Id, type) + "#bevindingen"))],
        }, status);
    }

    private static SectorRow Row(string roundId, SectorPreview sector)
    {
        var r = sector.Readiness;
        var type = r.Type.ToWireName();
        var shown = sector.Suppression is null ? "none" : sector.Suppression.WholeView ? "withheld" : "published";
        return new SectorRow(type, "sector-" + type, r.Participations, r.Accepted, r.SubmittedNotReviewed, PublicationApi.WireName(r.Freshness),
            r.IsStale, shown, sector.Suppression, sector.Suppression is null ? null : SectorPath(roundId, type));
    }
}
