using Audit.Api.Answers;
using Audit.Api.Participations;
using Audit.Application.Participations;
using Audit.Core.Access;
using Audit.Core.Answers;
using Audit.Core.Evidence;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;
using Audit.Core.Rounds;

namespace Audit.Api.Pages.Bureau;

/// <summary>Who a participation is and where it stands, as the heading of every bureau page about it.</summary>
public sealed record ParticipationHeader(
    string Id, string InstitutionId, string InstitutionName, string Type, string Status, string RoundId, string RoundTitle, string RoundHref,
    int Answered, int Required, DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ReturnedAt, string Href);

public sealed record EvidenceItem(string FileName, string ContentType, long SizeBytes, string Href, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>One version of an answer; <see cref="Value"/> is null for the version that cleared it.</summary>
public sealed record HistoryItem(int Version, AnswerValue? Value, string? Comment, bool Prefilled, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A visible question with its answer (null: unanswered), the remark of the latest review, evidence and, when asked for, history.</summary>
public sealed record QuestionBlock(
    string Key, string FieldId, string Number, string Text, string? Help, bool Required, AnswerValue? Answer, string? Comment, bool Prefilled,
    int? Version, string? UpdatedBy, DateTimeOffset? UpdatedAt, string? Remark, IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<HistoryItem> History);

public sealed record ThemeBlock(string Key, string FieldId, int Number, string Title, IReadOnlyList<QuestionBlock> Questions);

/// <summary>
/// A participation's answers, read for the bureau's pages: every visible question of the questionnaire in order, with
/// its rendered answer, comment, evidence (download links to the evidence API) and the latest review's remark.
/// </summary>
public sealed class ParticipationFile(
    IAnswerRepository answers, IEvidenceRepository evidence, IReviewRepository reviews, IUserRepository users)
{
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    public static ParticipationHeader HeaderOf(ParticipationScope scope, CompletenessResult completeness)
    {
        var p = scope.Participation;
        return new ParticipationHeader(p.Id, p.InstitutionId, p.InstitutionName, Core.Institutions.InstitutionTypes.ToWireName(p.InstitutionType),
            p.Status.ToWireName(), scope.Round.Round.Id, scope.Round.Round.Title, BureauPages.RoundPath(scope.Round.Round.Id),
            completeness.Answered, completeness.Required, p.SubmittedAt, p.AcceptedAt, p.ReturnedAt, BureauPages.ParticipationPath(p.Id));
    }

    /// <summary>The header and the themes; <paramref name="withHistory"/> adds every answer's versions (one query per answer).</summary>
    public async Task<(ParticipationHeader Header, IReadOnlyList<ThemeBlock> Themes)> LoadAsync(
        ParticipationScope scope, bool withHistory, CancellationToken cancellationToken)
    {
        var current = (await answers.ListAsync(scope.Participation.Id, cancellationToken)).ToDictionary(a => a.QuestionKey, StringComparer.Ordinal);
        var values = AnswerInput.Values(current.Values);
        var documents = (await evidence.ListAsync(scope.Participation.Id, null, cancellationToken)).ToLookup(e => e.QuestionKey, StringComparer.Ordinal);
        var remarks = (await reviews.LatestRemarksAsync(scope.Participation.Id, cancellationToken)).ToDictionary(r => r.QuestionKey, r => r.Text, StringComparer.Ordinal);
        var themes = new List<ThemeBlock>();
        for (var t = 0; t < scope.Questionnaire.Themes.Count; t++)
        {
            var theme = scope.Questionnaire.Themes[t];
            var questions = new List<QuestionBlock>();
            for (var q = 0; q < theme.Questions.Count; q++)
            {
                var question = theme.Questions[q];
                if (!Visibility.IsVisible(scope.Questionnaire, question, values))
                {
                    continue; // hidden by an earlier answer: not asked, not required, not counted
                }
                var answer = current.GetValueOrDefault(question.Key);
                var items = new List<EvidenceItem>();
                foreach (var e in documents[question.Key])
                {
                    items.Add(new EvidenceItem(e.FileName, e.ContentType, e.SizeBytes, EvidenceHref(e), await NameAsync(e.UploadedBy, cancellationToken), e.UploadedAt));
                }
                var history = withHistory && answer is not null ? await HistoryAsync(scope.Participation.Id, question, cancellationToken) : [];
                questions.Add(new QuestionBlock(question.Key, BureauForms.IdFor("vraag", question.Key), AnswerDisplay.NumberOf(t, q), question.Text, question.Help,
                    question.Required, answer is null ? null : AnswerDisplay.Of(question, values[question.Key]), answer?.Comment, answer?.Prefilled ?? false,
                    answer?.Version, answer is null ? null : await NameAsync(answer.UpdatedBy, cancellationToken), answer?.UpdatedAt,
                    remarks.GetValueOrDefault(question.Key), items, history));
            }
            themes.Add(new ThemeBlock(theme.Key, BureauForms.IdFor("thema", theme.Key), t + 1, theme.Title, questions));
        }
        var completeness = AnswerValidator.CompletenessCheck(scope.Questionnaire, values);
        return (HeaderOf(scope, completeness), themes);
    }

    /// <summary>A user's name for "changed by"; the id itself for the system or a user that no longer exists.</summary>
    public async Task<string> NameAsync(string userId, CancellationToken cancellationToken)
    {
        if (!names.TryGetValue(userId, out var name))
        {
            name = (await users.GetAsync(userId, cancellationToken))?.Name ?? userId;
            names[userId] = name;
        }
        return name;
    }

    private async Task<IReadOnlyList<HistoryItem>> HistoryAsync(string participationId, Question question, CancellationToken cancellationToken)
    {
        var items = new List<HistoryItem>();
        foreach (var v in (await answers.HistoryAsync(participationId, question.Key, cancellationToken)).OrderByDescending(v => v.Version))
        {
            items.Add(new HistoryItem(v.Version, v.ValueJson is null ? null : AnswerDisplay.Of(question, v.ValueJson), v.Comment, v.Prefilled,
                await NameAsync(v.ChangedBy, cancellationToken), v.ChangedAt));
        }
        return items;
    }

    private static string EvidenceHref(EvidenceRecord e) =>
        $"/api/v1/participations/{Uri.EscapeDataString(e.ParticipationId)}/answers/{Uri.EscapeDataString(e.QuestionKey)}/evidence/{Uri.EscapeDataString(e.Id)}";
}
