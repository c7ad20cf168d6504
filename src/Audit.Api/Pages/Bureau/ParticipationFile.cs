using Audit.Application.Participations;
using Audit.Application.Reviews;
using Audit.Core.Answers;
using Audit.Core.Evidence;
using Audit.Core.Questionnaires;
using Audit.Core.Rounds;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// Who a participation is and where it stands, as the heading of every bureau page about it. Progress is shown as
/// <see cref="RequiredAnswered"/> of <see cref="Required"/>, the respondent's own figure (Core's completeness check).
/// </summary>
public sealed record ParticipationHeader(
    string Id, string InstitutionId, string InstitutionName, string Type, string Status, string RoundId, string RoundTitle, string RoundHref,
    int Answered, int Required, DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ReturnedAt, string Href,
    int RequiredAnswered)
{
    public static ParticipationHeader Of(ParticipationScope scope, CompletenessResult completeness)
    {
        var p = scope.Participation;
        return new ParticipationHeader(p.Id, p.InstitutionId, p.InstitutionName, Core.Institutions.InstitutionTypes.ToWireName(p.InstitutionType),
            p.Status.ToWireName(), scope.Round.Round.Id, scope.Round.Round.Title, BureauPages.RoundPath(scope.Round.Round.Id),
            completeness.Answered, completeness.Required, p.SubmittedAt, p.AcceptedAt, p.ReturnedAt, BureauPages.ParticipationPath(p.Id),
            completeness.RequiredAnswered);
    }
}

public sealed record EvidenceItem(string FileName, string ContentType, long SizeBytes, string Href, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>One version of an answer; <see cref="Value"/> is null for the version that cleared it.</summary>
public sealed record HistoryItem(int Version, AnswerValue? Value, string? Comment, bool Prefilled, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A visible question with its answer (null: unanswered), the remark of the latest review, evidence and, when read, history.</summary>
public sealed record QuestionBlock(
    string Key, string FieldId, string Number, string Text, string? Help, bool Required, AnswerValue? Answer, string? Comment, bool Prefilled,
    int? Version, string? UpdatedBy, DateTimeOffset? UpdatedAt, string? Remark, IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<HistoryItem> History)
{
    /// <summary>The language of <see cref="Text"/> when it is not the page's (a fallback to Dutch), else null.</summary>
    public string? TextLang { get; init; }
}

public sealed record ThemeBlock(string Key, string FieldId, int Number, string Title, IReadOnlyList<QuestionBlock> Questions)
{
    public string? TitleLang { get; init; }
}

/// <summary>
/// A participation's file (<see cref="ReadParticipationFile"/>) as the bureau's pages show it: every visible question
/// of the questionnaire in order, with its rendered answer, comment, evidence (download links to the evidence API),
/// the latest review's remark and, when it was read, the answer's history.
/// </summary>
public static class ParticipationFileView
{
    /// <summary>The file in <paramref name="pageLanguage"/>: texts, option labels and answers as text from the questionnaire in that language.</summary>
    public static IReadOnlyList<ThemeBlock> ThemesOf(ParticipationFile file, string pageLanguage)
    {
        var questionnaire = file.Scope.Questionnaire.In(pageLanguage);
        var current = file.Answers.ToDictionary(a => a.QuestionKey, StringComparer.Ordinal);
        var documents = file.Evidence.ToLookup(e => e.QuestionKey, StringComparer.Ordinal);
        var remarks = file.LatestRemarks.ToDictionary(r => r.QuestionKey, r => r.Text, StringComparer.Ordinal);
        var themes = new List<ThemeBlock>();
        for (var t = 0; t < questionnaire.Themes.Count; t++)
        {
            var theme = questionnaire.Themes[t];
            var questions = new List<QuestionBlock>();
            for (var q = 0; q < theme.Questions.Count; q++)
            {
                var question = theme.Questions[q];
                if (!Visibility.IsVisible(questionnaire, question, file.Values))
                {
                    continue; // hidden by an earlier answer: not asked, not required, not counted
                }
                var answer = current.GetValueOrDefault(question.Key);
                var evidence = documents[question.Key].Select(e => new EvidenceItem(e.FileName, e.ContentType, e.SizeBytes, EvidenceHref(e),
                    file.NameOf(e.UploadedBy), e.UploadedAt)).ToList();
                var history = file.History.GetValueOrDefault(question.Key)?.OrderByDescending(v => v.Version).Select(v => new HistoryItem(v.Version,
                    v.ValueJson is null ? null : AnswerDisplay.Of(question, v.ValueJson), v.Comment, v.Prefilled, file.NameOf(v.ChangedBy), v.ChangedAt)).ToList();
                questions.Add(new QuestionBlock(question.Key, BureauForms.IdFor("vraag", question.Key), AnswerDisplay.NumberOf(t, q), question.Text, question.Help,
                    question.Required, answer is null ? null : AnswerDisplay.Of(question, file.Values[question.Key]), answer?.Comment, answer?.Prefilled ?? false,
                    answer?.Version, answer is null ? null : file.NameOf(answer.UpdatedBy), answer?.UpdatedAt,
                    remarks.GetValueOrDefault(question.Key), evidence, history ?? [])
                {
                    TextLang = LangOf(question.LocalizedText, pageLanguage),
                });
            }
            themes.Add(new ThemeBlock(theme.Key, BureauForms.IdFor("thema", theme.Key), t + 1, theme.Title, questions)
            {
                TitleLang = LangOf(theme.LocalizedTitle, pageLanguage),
            });
        }
        return themes;
    }

    /// <summary>The questionnaire's language view keeps with each text the language it is really in.</summary>
    private static string? LangOf(LocalizedText text, string pageLanguage) => text.Language == pageLanguage ? null : text.Language;

    private static string EvidenceHref(EvidenceRecord e) =>
        $"/api/v1/participations/{Uri.EscapeDataString(e.ParticipationId)}/answers/{Uri.EscapeDataString(e.QuestionKey)}/evidence/{Uri.EscapeDataString(e.Id)}";
}
