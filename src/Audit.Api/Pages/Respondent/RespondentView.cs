using System.Text.Json;
using Audit.Application.Participations;
using Audit.Core.Answers;
using Audit.Core.Evidence;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;
using Audit.Core.Rounds;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// One participation as its institution's respondent sees it on the pages (see <see cref="OpenParticipation"/>): the
/// answers by question and as values for Core's checks, and what the pages say about where it stands.
/// </summary>
public sealed record RespondentView(
    ParticipationWork Work, IReadOnlyDictionary<string, AnswerRecord> Answers, IReadOnlyDictionary<string, JsonElement> Values)
{
    public static RespondentView Of(ParticipationWork work) =>
        new(work, work.Answers.ToDictionary(a => a.QuestionKey, StringComparer.Ordinal), AnswerInput.Values(work.Answers));

    /// <summary>
    /// The participation, or the failure to answer with (not found: another institution's, or a round still in draft,
    /// which institutions do not see).
    /// </summary>
    public static async Task<Outcome<RespondentView>> OpenAsync(
        OpenParticipation open, ClaimsPrincipal principal, string participationId, CancellationToken cancellationToken)
    {
        var opened = await open.ExecuteAsync(principal.ToCaller(), participationId, cancellationToken);
        return opened.IsOk ? Of(opened.Value) : opened.Fail<RespondentView>();
    }

    /// <summary>The same participation with answers read later (a form is read again against them).</summary>
    public RespondentView With(ParticipationScope scope, IReadOnlyList<AnswerRecord> answers) => Of(Work with { Scope = scope, Answers = answers });

    public ParticipationScope Scope => Work.Scope;

    /// <summary>
    /// The same participation with its questionnaire read in the page's language (<see cref="QuestionnaireTranslation.In"/>):
    /// keys, types and rules are unchanged, so progress and checks come out the same; only the texts are translated.
    /// </summary>
    public RespondentView In(string language) => this with { Work = Work with { Scope = Scope with { Questionnaire = Scope.Questionnaire.In(language) } } };

    /// <summary>The <c>lang</c> a text of <see cref="In"/>'s questionnaire needs: null when it is in the page's language, else the language it fell back to.</summary>
    public string? LangOf(LocalizedText text) => text.Language == Scope.Questionnaire.Language ? null : text.Language;

    public string Id => Work.Id;

    public bool Editable => Work.Editable;

    public ReviewRecord? Return => Work.Return;

    public IReadOnlyList<EvidenceRecord> Evidence => Work.Evidence;

    /// <summary>Why answers cannot be changed now, as a key under <c>t.respondent.locked</c>; null while editable.</summary>
    public string? Locked => LockedReason(Scope.Round.Round.Status, Scope.Participation.Status);

    public string? RemarkFor(string questionKey) => Return?.Remarks.FirstOrDefault(r => r.QuestionKey == questionKey)?.Text;

    public static string? LockedReason(RoundStatus round, ParticipationStatus participation) =>
        ParticipationRules.CanEditAnswers(round, participation).IsAllowed ? null
        : round switch
        {
            RoundStatus.Draft => "round_draft",
            RoundStatus.Closed => "round_closed",
            RoundStatus.Published => "round_published",
            _ => participation == ParticipationStatus.Accepted ? "accepted" : "submitted",
        };

    public ParticipationHeader Header() => new(
        Id, Scope.Round.Round.Title, Scope.Participation.InstitutionName, Scope.Participation.Status.ToWireName(), Editable, Locked,
        Return?.Summary, Return is not null, RespondentPages.ListPath, RespondentPages.Summary(Id))
    {
        ReturnRemarks = Return?.Remarks.Count ?? 0,
    };
}
