using System.Security.Claims;
using System.Text.Json;
using Audit.Api.Answers;
using Audit.Api.Participations;
using Audit.Application.Participations;
using Audit.Core.Answers;
using Audit.Core.Reviews;
using Audit.Core.Rounds;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// One participation as its institution's respondent sees it on the pages: the scope (through the one resource
/// check), the current answers, and the bureau's last review when it returned the questionnaire (its remarks are
/// shown at the questions until the institution submits again).
/// </summary>
public sealed record RespondentView(
    ParticipationScope Scope, IReadOnlyDictionary<string, AnswerRecord> Answers, IReadOnlyDictionary<string, JsonElement> Values, ReviewRecord? Return)
{
    public string Id => Scope.Participation.Id;

    public bool Editable => Scope.CanEditAnswers.IsAllowed;

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

    /// <summary>
    /// Null when the participation does not exist, belongs to another institution, or its round is still a draft
    /// (institutions do not see draft rounds); the handlers answer 404 then.
    /// </summary>
    public static async Task<RespondentView?> LoadAsync(
        string participationId, ClaimsPrincipal principal, ParticipationScopes scopes, IAnswerRepository answers, IReviewRepository reviews,
        CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope || scope.Round.Round.Status == RoundStatus.Draft)
        {
            return null;
        }
        var current = await answers.ListAsync(participationId, cancellationToken);
        ReviewRecord? returned = null;
        if (scope.Participation.Status is ParticipationStatus.Returned or ParticipationStatus.InProgress
            && (await reviews.ListAsync(participationId, cancellationToken)).LastOrDefault() is { Decision: ReviewOutcome.Return } last)
        {
            returned = last;
        }
        return new RespondentView(
            scope,
            current.ToDictionary(a => a.QuestionKey, StringComparer.Ordinal),
            AnswerInput.Values(current),
            returned);
    }

    public ParticipationHeader Header() => new(
        Id, Scope.Round.Round.Title, Scope.Participation.InstitutionName, Scope.Participation.Status.ToWireName(), Editable, Locked,
        Return?.Summary, Return is not null, RespondentPages.ListPath, RespondentPages.Summary(Id));
}
