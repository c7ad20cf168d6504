using System.Text.Json;
using Audit.Application.Questionnaires;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;
using Audit.Core.SectorFindings;
using Audit.Core.SectorViews;

namespace Audit.Application.Reports;

/// <summary>
/// A sector view in its published form, with the fingerprint of the stored version. Reports are built from this
/// form only, so no report, not even an analyst's, shows a figure the ministry may not see.
/// </summary>
public sealed record PublishedSector(string InstitutionType, string Fingerprint, SectorView View)
{
    public static PublishedSector Of(StoredSectorView stored) =>
        new(stored.InstitutionType, stored.Fingerprint, SectorViewJson.Deserialize(stored.PublishedJson));
}

/// <summary>The institution's accepted answers in the baseline round, with the questionnaire version they answer.</summary>
public sealed record BaselineAnswerSet(Questionnaire Questionnaire, IReadOnlyDictionary<string, JsonElement> Answers);

/// <summary>Everything one participation's feedback report shows.</summary>
public sealed record FeedbackData(
    ParticipationScope Scope, PublishedSector Sector, Institution Institution, IReadOnlyList<AnswerRecord> Answers, FindingsRecord? Findings,
    Round? BaselineRound, BaselineAnswerSet? Baseline)
{
    /// <summary>The bureau's validated scores of this participation (issue 20).</summary>
    public IReadOnlyList<Audit.Core.ValidatedScores.ValidatedScoreRecord> ValidatedScores { get; init; } = [];

    /// <summary>The baseline round's recommendations to the institution with their stated follow-up (issue 20).</summary>
    public IReadOnlyList<FollowUps.RecommendationFollowUp> FollowUps { get; init; } = [];
}

/// <summary>Everything one institution type's sector report (and its CSV) shows.</summary>
public sealed record SectorReportData(RoundRecord Round, Questionnaire Questionnaire, PublishedSector Sector, Round? BaselineRound);

/// <summary>
/// Everything the report to parliament shows: every institution type with a computed view, and the bureau's sector
/// findings that a second analyst approved as they now are (<see cref="SectorFindingsRecord.IsApproved"/>); a draft
/// or a changed version is not in here, so it can reach no report.
/// </summary>
public sealed record ParliamentReportData(RoundRecord Round, Questionnaire Questionnaire, IReadOnlyList<PublishedSector> Sectors, Round? BaselineRound)
{
    public IReadOnlyList<SectorFindingsRecord> ApprovedFindings { get; init; } = [];
}

/// <summary>
/// Reads what each report is made of. No access decision here: the use cases decide who may see a report, the render
/// job renders them all.
/// </summary>
public sealed class ReportInputs(
    IRoundRepository rounds,
    IParticipationRepository participations,
    IInstitutionRepository institutions,
    QuestionnaireCatalog questionnaires,
    ISectorViewRepository views,
    IAnswerRepository answers,
    IFindingsRepository findings,
    ISectorFindingsRepository sectorFindings,
    Audit.Core.ValidatedScores.IValidatedScoreRepository validatedScores,
    FollowUps.BaselineRecommendations recommendations)
{
    /// <summary>The feedback report's data; null while the institution's sector has no computed view.</summary>
    public async Task<FeedbackData?> FeedbackAsync(ParticipationScope scope, CancellationToken cancellationToken)
    {
        var participation = scope.Participation;
        var round = scope.Round.Round;
        if (await views.GetCurrentAsync(round.Id, participation.InstitutionType.ToWireName(), cancellationToken) is not { } view)
        {
            return null;
        }
        var institution = await institutions.GetAsync(participation.InstitutionId, cancellationToken)
            ?? new Institution(participation.InstitutionId, participation.InstitutionName, participation.InstitutionType);
        var current = await answers.ListAsync(participation.Id, cancellationToken);
        var baselineRound = await BaselineRoundAsync(round, cancellationToken);
        return new FeedbackData(scope, PublishedSector.Of(view), institution, current, await findings.GetAsync(participation.Id, cancellationToken),
            baselineRound, baselineRound is null ? null : await BaselineAnswersAsync(baselineRound, institution.Id, cancellationToken))
        {
            ValidatedScores = await validatedScores.ListAsync(participation.Id, cancellationToken),
            FollowUps = (await recommendations.ForAsync(scope, cancellationToken)).Items,
        };
    }

    /// <summary>The sector report's data; null when the type is unknown or has no computed view.</summary>
    public async Task<SectorReportData?> SectorAsync(RoundRecord round, string institutionType, CancellationToken cancellationToken)
    {
        if (!InstitutionTypes.TryParse(institutionType, out _)
            || await views.GetCurrentAsync(round.Round.Id, institutionType, cancellationToken) is not { } view)
        {
            return null;
        }
        return new SectorReportData(round, await QuestionnaireAsync(round.Round, cancellationToken), PublishedSector.Of(view),
            await BaselineRoundAsync(round.Round, cancellationToken));
    }

    /// <summary>The report to parliament's data; null while no institution type has a computed view.</summary>
    public async Task<ParliamentReportData?> ParliamentAsync(RoundRecord round, CancellationToken cancellationToken)
    {
        var published = new List<PublishedSector>();
        foreach (var summary in await views.ListCurrentAsync(round.Round.Id, cancellationToken))
        {
            if (await views.GetCurrentAsync(round.Round.Id, summary.InstitutionType, cancellationToken) is { } view)
            {
                published.Add(PublishedSector.Of(view));
            }
        }
        if (published.Count == 0)
        {
            return null;
        }
        var types = published.Select(p => p.InstitutionType).ToHashSet(StringComparer.Ordinal);
        return new ParliamentReportData(round, await QuestionnaireAsync(round.Round, cancellationToken), published,
            await BaselineRoundAsync(round.Round, cancellationToken))
        {
            ApprovedFindings = [.. (await sectorFindings.ListAsync(round.Round.Id, cancellationToken)).Where(f => f.IsApproved && types.Contains(f.InstitutionType))],
        };
    }

    /// <summary>
    /// The questionnaire a round asks, with <c>{peildatum}</c> filled in with the round's reference date: every round-level
    /// view (reports, sector pages, exports, findings) reads it through here. A round whose questionnaire is missing is
    /// corrupt data, not a refusal.
    /// </summary>
    public async Task<Questionnaire> QuestionnaireAsync(Round round, CancellationToken cancellationToken) =>
        (await questionnaires.GetAsync(round.Questionnaire.Key, round.Questionnaire.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Round {round.Id} refers to a missing questionnaire."))
        .WithReferenceDate(round.ReferenceDate);

    private async Task<Round?> BaselineRoundAsync(Round round, CancellationToken cancellationToken) =>
        round.BaselineRoundId is { } id ? (await rounds.GetAsync(id, cancellationToken))?.Round : null;

    /// <summary>The institution's own answers in the baseline round, when it took part and was accepted there.</summary>
    private async Task<BaselineAnswerSet?> BaselineAnswersAsync(Round baselineRound, string institutionId, CancellationToken cancellationToken)
    {
        var baseline = await participations.FindAsync(baselineRound.Id, institutionId, cancellationToken);
        if (baseline is not { Status: ParticipationStatus.Accepted })
        {
            return null;
        }
        return new BaselineAnswerSet(await QuestionnaireAsync(baselineRound, cancellationToken),
            AnswerInput.Values(await answers.ListAsync(baseline.Id, cancellationToken)));
    }
}

/// <summary>Every participation of a round, page by page.</summary>
public static class RoundParticipations
{
    public static async IAsyncEnumerable<ParticipationRecord> AllAsync(
        IParticipationRepository participations, string roundId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var items = (await participations.ListByRoundAsync(roundId, new Core.Paging.PageRequest(page, Core.Paging.PageRequest.MaxPageSize), cancellationToken)).Items;
            foreach (var item in items)
            {
                yield return item;
            }
            if (items.Count < Core.Paging.PageRequest.MaxPageSize)
            {
                yield break;
            }
        }
    }
}
