using System.Text.Json;
using Audit.Application.Reports;
using Audit.Core.Questionnaires;
using Audit.Core.Reports;
using Audit.Core.Institutions;
using Audit.Core.Reviews;
using Audit.Core.SectorFindings;
using Audit.Reports.Localization;
using Audit.Reports.Mapping;
using Audit.Reports.Provenance;
using Audit.Reports.Rendering;

namespace Audit.Api.Reports;

/// <summary>
/// Turns a report's data (read by the use cases of <c>Audit.Application.Reports</c>, published sector views only) into
/// its view-model and a <see cref="PreparedReport"/> in one language: presentation, no access decision and no reads.
/// </summary>
public sealed class ReportPreparation(ReportTemplates templates, ReportRenderer renderer)
{
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    public PreparedReport Feedback(FeedbackData data, ReportLanguage language)
    {
        var report = FeedbackModel(data, language);
        var round = data.Scope.Round.Round;
        return Prepare(ReportKinds.Feedback, round.Id, data.Scope.Participation.Id, ReportRenderer.FeedbackTemplate, language, report,
            [Fingerprint(data.Sector)], $"terugkoppeling-{round.Id}-{data.Institution.Id}", options => renderer.RenderFeedback(report, options));
    }

    /// <summary>The board conversation pack: condensed from the feedback report's model, so its figures are that report's.</summary>
    public PreparedReport BoardSummary(FeedbackData data, ReportLanguage language)
    {
        var report = BoardSummaryMapper.Map(FeedbackModel(data, language));
        var round = data.Scope.Round.Round;
        return Prepare(ReportKinds.BoardSummary, round.Id, data.Scope.Participation.Id, ReportRenderer.BoardSummaryTemplate, language, report,
            [Fingerprint(data.Sector)], $"bestuursgesprek-{round.Id}-{data.Institution.Id}", options => renderer.RenderBoardSummary(report, options));
    }

    private static Audit.Reports.Models.FeedbackReport FeedbackModel(FeedbackData data, ReportLanguage language)
    {
        var participation = data.Scope.Participation;
        var input = new FeedbackInput(
            data.Scope.Round.Round,
            // The questionnaire in the report's language: English texts where it has them, Dutch (marked) where not.
            data.Scope.Questionnaire.In(language.Code()),
            data.Sector.View,
            new FeedbackParticipant(data.Institution, participation.Status, participation.SubmittedAt, participation.AcceptedAt),
            Audit.Core.Answers.AnswerInput.Values(data.Answers))
        {
            Comments = data.Answers.Where(a => !string.IsNullOrWhiteSpace(a.Comment)).ToDictionary(a => a.QuestionKey, a => a.Comment!, StringComparer.Ordinal),
            Findings = Findings(data.Findings),
            BaselineRound = data.BaselineRound,
            Baseline = data.Baseline is { } baseline ? new BaselineAnswers(baseline.Questionnaire.In(language.Code()), baseline.Answers) : null,
            ValidatedScores = data.ValidatedScores.ToDictionary(s => s.ThemeKey, s => new ValidatedThemeScore(s.Score, s.Justification), StringComparer.Ordinal),
            FollowUps = [.. data.FollowUps.Select(f => new RecommendationFollowUpInput(f.ThemeKey, f.Recommendation,
                f.FollowUp is { } stated ? Audit.Core.FollowUps.FollowUpRules.ToWireName(stated.Status) : null, f.FollowUp?.Reason))],
        };
        return FeedbackReportMapper.Map(input);
    }

    public PreparedReport Sector(SectorReportData data, ReportLanguage language)
    {
        var round = data.Round.Round;
        var type = data.Sector.InstitutionType;
        var report = SectorReportMapper.Document(round, data.Questionnaire.In(language.Code()), data.Sector.View, data.BaselineRound);
        return Prepare(ReportKinds.Sector, round.Id, type, ReportRenderer.SectorTemplate, language, report,
            [Fingerprint(data.Sector)], $"sectorbeeld-{round.Id}-{type}", options => renderer.RenderSector(report, options));
    }

    public PreparedReport Parliament(ParliamentReportData data, ReportLanguage language)
    {
        var round = data.Round.Round;
        // Only approved findings are in the data; their Markdown is rendered by the template (fmt.markdown, raw HTML off).
        var findings = data.ApprovedFindings
            .OrderBy(f => InstitutionTypes.TryParse(f.InstitutionType, out var type) ? (int)type : int.MaxValue)
            .ToList();
        var report = ParliamentReportMapper.Map(round, data.Questionnaire.In(language.Code()), [.. data.Sectors.Select(s => s.View)], data.BaselineRound,
            summary: [.. findings.Select(f => f.Summary ?? "")],
            findings: findings.ToDictionary(f => f.InstitutionType, f => SectorFindingsTexts.ThemesOf(f), StringComparer.Ordinal));
        return Prepare(ReportKinds.Parliament, round.Id, RenderedReportKey.WholeRound, ReportRenderer.ParliamentTemplate, language, report,
            [.. report.Sectors.Select(s => new SectorFingerprint(s.InstitutionType, s.Fingerprint))], $"kamerrapport-{round.Id}",
            options => renderer.RenderParliament(report, options));
    }

    /// <summary>
    /// The national report of a cycle: approved texts only (the use case passes no other, the mapper checks again).
    /// Its stored-file key uses the cycle as the subject of an imaginary "round" named after the cycle, so it never
    /// collides with a round's reports.
    /// </summary>
    public PreparedReport National(NationalReportData data, ReportLanguage language)
    {
        var input = new NationalInput(data.Cycle, [.. data.Waves.Select(w => new NationalWave(
            w.Round.Round.Round, w.Round.Questionnaire.In(language.Code()), [.. w.Round.Sectors.Select(s => s.View)], w.Round.BaselineRound)
        {
            Findings = w.Round.ApprovedFindings,
            DeepDives = w.DeepDives,
        })], data.ApprovedSummary);
        var report = NationalReportMapper.Map(input);
        return Prepare(ReportKinds.National, "cycle-" + data.Cycle, data.Cycle, ReportRenderer.NationalTemplate, language, report,
            [.. report.Chapters.Select(c => new SectorFingerprint(c.Sector.InstitutionType, c.Sector.Fingerprint))], $"kamerrapport-cyclus-{data.Cycle}",
            options => renderer.RenderNational(report, options));
    }

    private static SectorFingerprint Fingerprint(PublishedSector sector) => new(sector.InstitutionType, sector.Fingerprint);

    private PreparedReport Prepare(
        string kind, string roundId, string subject, string template, ReportLanguage language, object model,
        IReadOnlyList<SectorFingerprint> sectorViews, string fileName, Func<ReportRenderOptions, RenderedReport> render)
    {
        var templateVersion = templates.Catalog.TemplateVersion(template, language);
        return new PreparedReport(roundId, kind, subject, language, ReportFingerprint.Of(kind, language, templateVersion, model),
            templateVersion, sectorViews, fileName, render);
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
