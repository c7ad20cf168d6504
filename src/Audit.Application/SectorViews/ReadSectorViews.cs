using Audit.Application.Reports;
using Audit.Core.AuditTrail;
using Audit.Core.Paging;
using Audit.Core.Questionnaires;
using Audit.Core.SectorViews;

namespace Audit.Application.SectorViews;

/// <summary>The current sector views of a round that one caller may see; <see cref="Internal"/>: the bureau's, every value.</summary>
public sealed record SectorViewListing(RoundRecord Round, bool Internal, IReadOnlyList<SectorViewSummary> Items)
{
    /// <summary>
    /// The count of included institutions this caller may see: the internal count for the bureau, else the published
    /// view's value, which is null for a view withheld as a whole (<see cref="Audit.Core.Disclosure.PublishedForm"/>):
    /// a count under the minimum group size would tell the ministry how few institutions were accepted.
    /// </summary>
    public int? IncludedFor(SectorViewSummary view) => Internal || !view.Suppressed ? view.Included : null;
}

/// <summary>
/// One sector view in the one form the caller gets: <see cref="Json"/> is the internal view only when
/// <see cref="Internal"/>, so a reader of the published form never holds the internal numbers.
/// </summary>
public sealed record SectorViewRead(RoundRecord Round, Questionnaire Questionnaire, string InstitutionType, bool Internal, string Json)
{
    public SectorView View() => SectorViewJson.Deserialize(Json);
}

/// <summary>A published round with the sector views the caller may see in it.</summary>
public sealed record PublishedRound(Round Round, IReadOnlyList<SectorViewSummary> Views);

/// <summary>
/// Reads sector views. The bureau sees the internal view (every value, with suppression flags) at any time, and
/// each read of it is on record; the ministry sees the published view once the round is published; a respondent
/// the published view of its own institution type once the round is published. Anything else does not exist.
/// </summary>
public sealed class ReadSectorViews(
    IRoundRepository rounds, IInstitutionRepository institutions, ISectorViewRepository views, ReportInputs inputs, IAuditEventRepository trail,
    TimeProvider clock)
{
    public const string InternalReadAction = "sector-view.read-internal";

    /// <summary>Who sees what of a round's views; <see cref="OnlyType"/> limits a respondent to its own institution type.</summary>
    private sealed record Audience(bool Internal, string? OnlyType)
    {
        public bool Includes(string institutionType) => OnlyType is null || OnlyType == institutionType;
    }

    public async Task<Outcome<SectorViewListing>> ExecuteAsync(Caller caller, string roundId, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(roundId, cancellationToken);
        if (round is null || await AudienceAsync(caller, round, cancellationToken) is not { } audience)
        {
            return new Failure.NotFound($"Round '{roundId}' has no sector views you can see.");
        }
        var items = (await views.ListCurrentAsync(roundId, cancellationToken)).Where(v => audience.Includes(v.InstitutionType)).ToList();
        return new SectorViewListing(round, audience.Internal, items);
    }

    /// <summary>One view: the internal form for the bureau unless it asks for <paramref name="published"/>, else the published form.</summary>
    public async Task<Outcome<SectorViewRead>> GetAsync(
        Caller caller, string roundId, string institutionType, bool published, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(roundId, cancellationToken);
        var audience = round is null ? null : await AudienceAsync(caller, round, cancellationToken);
        if (round is null || audience is null || !audience.Includes(institutionType)
            || await views.GetCurrentAsync(roundId, institutionType, cancellationToken) is not { } stored)
        {
            return new Failure.NotFound($"There is no sector view of '{institutionType}' in round '{roundId}' that you can see.");
        }
        var isInternal = audience.Internal && !published;
        if (isInternal)
        {
            // Unsuppressed numbers are confidential: every read is on record.
            await trail.RecordAsync(caller.ToActor().Did(InternalReadAction, "sector-view", $"{roundId}/{institutionType}", clock.GetUtcNow(),
                stored.Fingerprint), cancellationToken);
        }
        return new SectorViewRead(round, await inputs.QuestionnaireAsync(round.Round, cancellationToken), institutionType, isInternal,
            isInternal ? stored.InternalJson : stored.PublishedJson);
    }

    /// <summary>The published rounds (the first page, newest first) with the views the caller may see in each.</summary>
    public async Task<IReadOnlyList<PublishedRound>> PublishedRoundsAsync(Caller caller, CancellationToken cancellationToken)
    {
        var page = await rounds.ListAsync(new RoundQuery(RoundStatus.Published), new PageRequest(1, PageRequest.MaxPageSize), cancellationToken);
        var result = new List<PublishedRound>();
        foreach (var round in page.Items)
        {
            if (await AudienceAsync(caller, round, cancellationToken) is { } audience)
            {
                var items = (await views.ListCurrentAsync(round.Round.Id, cancellationToken)).Where(v => audience.Includes(v.InstitutionType)).ToList();
                result.Add(new PublishedRound(round.Round, items));
            }
        }
        return result;
    }

    private async Task<Audience?> AudienceAsync(Caller caller, RoundRecord round, CancellationToken cancellationToken)
    {
        if (caller.IsBureau)
        {
            return new Audience(true, null);
        }
        if (!Publication.IsPublished(round.Round))
        {
            return null;
        }
        switch (caller.Role)
        {
            case Role.Ministry:
                return new Audience(false, null);
            case Role.Respondent:
                var institution = caller.InstitutionId is { } id ? await institutions.GetAsync(id, cancellationToken) : null;
                return institution is null ? null : new Audience(false, institution.Type.ToWireName());
            default:
                return null;
        }
    }
}
