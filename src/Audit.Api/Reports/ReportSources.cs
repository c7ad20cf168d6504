using System.Text.Json;
using Audit.Api.Answers;
using Audit.Api.Participations;
using Audit.Api.Questionnaires;
using Audit.Application.Participations;
using Audit.Application.Questionnaires;
using Audit.Core.Answers;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.Reports;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Reports.Localization;
using Audit.Reports.Mapping;
using Audit.Reports.Provenance;
using Audit.Reports.Rendering;

namespace Audit.Api.Reports;

/// <summary>
/// Reads what each report is made of and maps it to its view-model. Sector data comes from the PUBLISHED form of
/// the current sector views only (the mappers refuse anything else), so no report, not even an analyst's, shows
/// a figure the ministry may not see. Whether the caller may see the report is the handler's decision.
/// </summary>
public sealed class ReportSources(
    ReportTemplates templates,
    ReportRenderer renderer,
    IRoundRepository rounds,
    IParticipationRepository participations,
    IInstitutionRepository institutions,
    QuestionnaireCatalog questionnaires,
    ISectorViewRepository views,
    IAnswerRepository answers,
    IFindingsRepository findings)
{
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    /// <summary>The feedback report of one participation; null while its sector has no computed view.</summary>
    public async Task<PreparedReport?> FeedbackAsync(ParticipationScope scope, ReportLanguage language, CancellationToken cancellationToken)
    {
        var participation = scope.Participation;
        var round = scope.Round.Round;
        var type = participation.InstitutionType.ToWireName();
        if (await views.GetCurrentAsync(round.Id, type, cancellationToken) is not { } view)
        {
            return null;
        }
        var institution = await institutions.GetAsync(participation.InstitutionId, cancellationToken)
            ?? new Institution(participation.InstitutionId, participation.InstitutionName, participation.InstitutionType);
        var current = await answers.ListAsync(participation.Id, cancellationToken);
        var baselineRound = await BaselineRoundAsync(round, cancellationToken);
        var input = new FeedbackInput(
            round,
            scope.Questionnaire,
            SectorViewJson.Deserialize(view.PublishedJson),
            new FeedbackParticipant(institution, participation.Status, participation.SubmittedAt, participation.AcceptedAt),
            AnswerInput.Values(current))
        {
            Comments = current.Where(a => !string.IsNullOrWhiteSpace(a.Comment)).ToDictionary(a => a.QuestionKey, a => a.Comment!, StringComparer.Ordinal),
            Findings = Findings(await findings.GetAsync(participation.Id, cancellationToken)),
            BaselineRound = baselineRound,
            Baseline = baselineRound is null ? null : await BaselineAnswersAsync(baselineRound, institution.Id, cancellationToken),
        };
        var report = FeedbackReportMapper.Map(input);
        return Prepare(ReportKinds.Feedback, round.Id, participation.Id, ReportRenderer.FeedbackTemplate, language, report,
            [new SectorFingerprint(type, view.Fingerprint)], $"terugkoppeling-{round.Id}-{institution.Id}", options => renderer.RenderFeedback(report, options));
    }

    /// <summary>The sector report of one institution type; null when the type is unknown or has no computed view.</summary>
    public async Task<PreparedReport?> SectorAsync(RoundRecord round, string institutionType, ReportLanguage language, CancellationToken cancellationToken)
    {
        if (!InstitutionTypes.TryParse(institutionType, out _)
            || await views.GetCurrentAsync(round.Round.Id, institutionType, cancellationToken) is not { } view)
        {
            return null;
        }
        var questionnaire = await QuestionnaireAsync(round.Round, cancellationToken);
        var report = SectorReportMapper.Document(round.Round, questionnaire, SectorViewJson.Deserialize(view.PublishedJson),
            await BaselineRoundAsync(round.Round, cancellationToken));
        return Prepare(ReportKinds.Sector, round.Round.Id, institutionType, ReportRenderer.SectorTemplate, language, report,
            [new SectorFingerprint(institutionType, view.Fingerprint)], $"sectorbeeld-{round.Round.Id}-{institutionType}",
            options => renderer.RenderSector(report, options));
    }

    /// <summary>The report to parliament: every institution type with a computed view; null when there is none yet.</summary>
    public async Task<PreparedReport?> ParliamentAsync(RoundRecord round, ReportLanguage language, CancellationToken cancellationToken)
    {
        var published = new List<SectorView>();
        foreach (var summary in await views.ListCurrentAsync(round.Round.Id, cancellationToken))
        {
            if (await views.GetCurrentAsync(round.Round.Id, summary.InstitutionType, cancellationToken) is { } view)
            {
                published.Add(SectorViewJson.Deserialize(view.PublishedJson));
            }
        }
        if (published.Count == 0)
        {
            return null;
        }
        var questionnaire = await QuestionnaireAsync(round.Round, cancellationToken);
        var report = ParliamentReportMapper.Map(round.Round, questionnaire, published, await BaselineRoundAsync(round.Round, cancellationToken));
        return Prepare(ReportKinds.Parliament, round.Round.Id, RenderedReportKey.WholeRound, ReportRenderer.ParliamentTemplate, language, report,
            [.. report.Sectors.Select(s => new SectorFingerprint(s.InstitutionType, s.Fingerprint))], $"kamerrapport-{round.Round.Id}",
            options => renderer.RenderParliament(report, options));
    }

    public async Task<Questionnaire> QuestionnaireAsync(Round round, CancellationToken cancellationToken) =>
        await questionnaires.GetAsync(round.Questionnaire.Key, round.Questionnaire.Version, cancellationToken)
        ?? throw new InvalidOperationException($"Round {round.Id} refers to a missing questionnaire.");

    private PreparedReport Prepare(
        string kind, string roundId, string subject, string template, ReportLanguage language, object model,
        IReadOnlyList<SectorFingerprint> sectorViews, string fileName, Func<ReportRenderOptions, RenderedReport> render)
    {
        var templateVersion = templates.Catalog.TemplateVersion(template, language);
        return new PreparedReport(roundId, kind, subject, language, ReportFingerprint.Of(kind, language, templateVersion, model),
            templateVersion, sectorViews, fileName, render);
    }

    private async Task<Round?> BaselineRoundAsync(Round round, CancellationToken cancellationToken) =>
        round.BaselineRoundId is { } id ? (await rounds.GetAsync(id, cancellationToken))?.Round : null;

    /// <summary>The institution's own answers in the baseline round, when it took part and was accepted there.</summary>
    private async Task<BaselineAnswers?> BaselineAnswersAsync(Round baselineRound, string institutionId, CancellationToken cancellationToken)
    {
        var baseline = await participations.FindAsync(baselineRound.Id, institutionId, cancellationToken);
        if (baseline is not { Status: ParticipationStatus.Accepted })
        {
            return null;
        }
        return new BaselineAnswers(await QuestionnaireAsync(baselineRound, cancellationToken), AnswerInput.Values(await answers.ListAsync(baseline.Id, cancellationToken)));
    }

    private sealed record StoredFinding(string? ThemeKey, string? Finding, string? Recommendation);

    /// <summary>The bureau's findings as the findings API stores them: a JSON list of theme findings plus a summary.</summary>
    private static BureauFindings? Findings(FindingsRecord? record)
    {
        if (record is null)
        {
            return null;
        }
        var themes = (JsonSerializer.Deserialize<List<StoredFinding>>(record.FindingsJson, StoredJson) ?? [])
            .Where(f => !string.IsNullOrEmpty(f.ThemeKey))
            .ToDictionary(f => f.ThemeKey!, f => new ThemeFinding(f.Finding, f.Recommendation), StringComparer.Ordinal);
        return new BureauFindings(record.Summary, themes);
    }
}

/// <summary>Every participation of a round, page by page.</summary>
internal static class RoundParticipations
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
