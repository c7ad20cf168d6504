using Audit.Core.Evidence;
using Audit.Core.Reviews;

namespace Audit.Application.Participations;

/// <summary>
/// One participation as its institution works on it: the current answers, the evidence, and the bureau's last review
/// when it returned the questionnaire (its remarks stand at the questions until the institution submits again).
/// </summary>
public sealed record ParticipationWork(
    ParticipationScope Scope, IReadOnlyList<AnswerRecord> Answers, IReadOnlyList<EvidenceRecord> Evidence, ReviewRecord? Return)
{
    public string Id => Scope.Id;

    /// <summary>Whether answers and evidence may be changed now.</summary>
    public bool Editable => Scope.CanEditAnswers.IsAllowed;
}

/// <summary>
/// Opens a participation for its institution's own respondents (the bureau reads through <c>ReadAnswers</c>, which
/// records the read). A round that is still a draft does not exist for institutions yet: "not found", like another
/// institution's participation.
/// </summary>
public sealed class OpenParticipation(ParticipationScopes scopes, IAnswerRepository answers, IEvidenceRepository evidence, IReviewRepository reviews)
{
    public async Task<Outcome<ParticipationWork>> ExecuteAsync(Caller caller, string participationId, CancellationToken cancellationToken)
    {
        var found = await scopes.EditableByAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        if (scope.Round.Round.Status == RoundStatus.Draft)
        {
            return ParticipationScopes.NotFound(participationId);
        }
        var current = await answers.ListAsync(participationId, cancellationToken);
        var documents = await evidence.ListAsync(participationId, null, cancellationToken);
        ReviewRecord? returned = null;
        if (scope.Participation.Status is ParticipationStatus.Returned or ParticipationStatus.InProgress
            && (await reviews.ListAsync(participationId, cancellationToken)).LastOrDefault() is { Decision: ReviewOutcome.Return } last)
        {
            returned = last;
        }
        return new ParticipationWork(scope, current, documents, returned);
    }
}
