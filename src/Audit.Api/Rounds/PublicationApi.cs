using System.Text.Json;
using Audit.Application.Rounds;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;

namespace Audit.Api.Rounds;

/// <summary>
/// The bureau's preview of a round's publication (<see cref="PreviewPublication"/>): per institution type the published
/// view exactly as the ministry will read it, its suppression counts and whether it is current, and the participations
/// still submitted but not reviewed. Publishing itself is a status change (<c>POST /rounds/{roundId}/status-changes</c>
/// with <c>published</c>), refused with the same reasons while a sector view is stale.
/// </summary>
public static class PublicationApi
{
    /// <summary>The freshness of a sector view as its wire name.</summary>
    public static string WireName(SectorFreshness freshness) => freshness switch
    {
        SectorFreshness.Current => "current",
        SectorFreshness.RecomputePending => "recompute_pending",
        SectorFreshness.NotComputed => "not_computed",
        _ => "no_view",
    };

    public sealed record SuppressionResponse(bool WholeView, int Themes, int Questions, int GridFigures);

    /// <param name="Published">The ministry sees figures of this type: a view exists and is not withheld as a whole.</param>
    /// <param name="PublishedView">The published form as stored, which the ministry's sector-view read returns; null when none is computed.</param>
    public sealed record SectorPreviewResponse(
        string InstitutionType, int Participations, int Accepted, int SubmittedNotReviewed, string State, bool Published,
        SuppressionResponse? Suppression, JsonElement? PublishedView);

    public sealed record PublicationPreviewResponse(
        string RoundId, string RoundStatus, bool CanPublish, IReadOnlyList<string> Reasons, bool SectorViewsCurrent, int SubmittedNotReviewed,
        IReadOnlyList<SectorPreviewResponse> Sectors)
    {
        /// <summary>The institution types published with figures that still lack approved sector findings.</summary>
        public IReadOnlyList<string> FindingsMissing { get; init; } = [];
    }

    public static IEndpointRouteBuilder MapRoundPublication(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Rounds").RequireAuthorization(Policies.Bureau)
            .MapGet("/rounds/{roundId}/publication-preview", PreviewAsync).WithName("PreviewRoundPublication")
            .WithDescription("What publishing the round would show the ministry, per institution type, and whether it may be published now " +
                "(every sector view current). Publishing is `POST /api/v1/rounds/{roundId}/status-changes` with `{\"status\":\"published\"}`: " +
                "409 with `reasons` while a sector view is stale, or while a sector published with figures has no approved findings " +
                "(`findingsMissing`).");
        return routes;
    }

    public static async Task<Results<Ok<PublicationPreviewResponse>, ProblemHttpResult>> PreviewAsync(
        string roundId, ClaimsPrincipal principal, PreviewPublication preview, CancellationToken cancellationToken) =>
        (await preview.ExecuteAsync(principal.ToCaller(), roundId, cancellationToken)).ToResult(p => TypedResults.Ok(From(p)));

    private static PublicationPreviewResponse From(PublicationPreview preview) => new(
        preview.Round.Round.Id, preview.Round.Round.Status.ToWireName(), preview.CanPublish, preview.Reasons, preview.Readiness.SectorViewsCurrent,
        preview.Readiness.SubmittedNotReviewed, [.. preview.Sectors.Select(Sector)])
    { FindingsMissing = preview.FindingsMissing };

    private static SectorPreviewResponse Sector(SectorPreview sector)
    {
        var r = sector.Readiness;
        SuppressionCounts? s = sector.Suppression;
        return new SectorPreviewResponse(r.Type.ToWireName(), r.Participations, r.Accepted, r.SubmittedNotReviewed, WireName(r.Freshness),
            s is { WholeView: false }, s is null ? null : new SuppressionResponse(s.WholeView, s.Themes, s.Questions, s.GridFigures),
            sector.PublishedJson is null ? null : Element(sector.PublishedJson));
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
