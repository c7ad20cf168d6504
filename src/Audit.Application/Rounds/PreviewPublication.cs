using Audit.Application.Reports;
using Audit.Core.Mail;
using Audit.Core.Questionnaires;
using Audit.Application.SectorFindings;
using Audit.Core.SectorFindings;
using Audit.Core.SectorViews;

namespace Audit.Application.Rounds;

/// <summary>
/// One institution type as the ministry will see it after publication: <see cref="PublishedJson"/> is the stored
/// published form, byte for byte what the ministry's sector-view read returns, and null when no view is computed (the
/// ministry then sees no view of this type).
/// </summary>
public sealed record SectorPreview(SectorReadiness Readiness, string? PublishedJson, SuppressionCounts? Suppression)
{
    public SectorView? Published() => PublishedJson is null ? null : SectorViewJson.Deserialize(PublishedJson);
}

/// <summary>What publishing the round would show and whether it may happen now.</summary>
/// <param name="FindingsMissing">The institution types whose published view still lacks approved findings (<see cref="FindingsGate"/>).</param>
public sealed record PublicationPreview(
    RoundRecord Round, Questionnaire Questionnaire, PublicationReadiness Readiness, IReadOnlyList<SectorPreview> Sectors, IReadOnlyList<string> FindingsMissing)
{
    /// <summary>
    /// The round is closed, every sector view is current and every published sector has approved findings:
    /// <see cref="PublishRound"/> would go through.
    /// </summary>
    public bool CanPublish =>
        RoundTransitions.Check(Round.Round.Status, RoundStatus.Published).IsAllowed && Readiness.SectorViewsCurrent && FindingsMissing.Count == 0;

    /// <summary>What holds publication back: the round's status, then each stale sector, as sentences.</summary>
    public IReadOnlyList<string> Reasons =>
    [
        .. RoundTransitions.Check(Round.Round.Status, RoundStatus.Published) is { IsAllowed: false } check ? [check.Error!] : Array.Empty<string>(),
        .. Readiness.Reasons,
        .. FindingsMissing.Select(FindingsGate.Reason),
    ];
}

/// <summary>
/// The bureau's look at a round before publishing it: per institution type the published view exactly as the ministry
/// will read it, how much of it is withheld, whether it is current, and how many participations are still submitted
/// but not reviewed. It judges freshness as <see cref="PublishRound"/> does. Only the published form is read, which
/// holds no confidential figure, so the read is not put on record.
/// </summary>
public sealed class PreviewPublication(
    IRoundRepository rounds, IRoundMailRepository roundMail, ISectorDirtyRepository dirty, ISectorViewRepository views, ReportInputs inputs,
    ISectorFindingsRepository findings)
{
    public async Task<Outcome<PublicationPreview>> ExecuteAsync(Caller caller, string roundId, CancellationToken cancellationToken)
    {
        if (Permission.BureauOnly(caller) is { } refused)
        {
            return refused;
        }
        var found = await rounds.FindAsync(roundId, cancellationToken);
        if (!found.TryGetValue(out var round, out var failure))
        {
            return failure;
        }
        var state = await PublicationInputs.ReadAsync(roundMail, dirty, views, roundId, cancellationToken);
        var sectors = new List<SectorPreview>();
        foreach (var sector in state.Readiness.Sectors)
        {
            var stored = await views.GetCurrentAsync(roundId, sector.Type.ToWireName(), cancellationToken);
            sectors.Add(new SectorPreview(sector, stored?.PublishedJson,
                stored is null ? null : SuppressionCounts.Of(SectorViewJson.Deserialize(stored.PublishedJson))));
        }
        return new PublicationPreview(round, await inputs.QuestionnaireAsync(round.Round, cancellationToken), state.Readiness, sectors,
            await FindingsGate.MissingAsync(views, findings, roundId, cancellationToken));
    }
}
