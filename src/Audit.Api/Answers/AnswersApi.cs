using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Participations;
using Audit.Api.Problems;
using Audit.Api.Questionnaires;
using Audit.Core.Access;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Evidence;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Answers;

/// <summary>
/// A participation's answers. The institution's own respondents write them (autosave with ETag/If-Match, batches,
/// clearing, prefill from the baseline round); the bureau reads them, and each such read is recorded as a
/// confidential read. The ministry never reaches them. Writes live in <see cref="AnswerWritesApi"/>.
/// </summary>
public static class AnswersApi
{
    public static IEndpointRouteBuilder MapAnswers(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup("/api/v1").WithTags("Answers").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Respondent));
        read.MapGet("/participations/{participationId}/answers", ListAsync).WithName("ListAnswers");
        read.MapGet("/participations/{participationId}/answers/{questionKey}/history", HistoryAsync).WithName("GetAnswerHistory");

        var write = routes.MapGroup("/api/v1").WithTags("Answers").RequireAuthorization(Policies.Respondent);
        write.MapPut("/participations/{participationId}/answers/{questionKey}", AnswerWritesApi.PutAsync).WithName("SaveAnswer")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        write.MapPatch("/participations/{participationId}/answers", AnswerWritesApi.PatchAsync).WithName("SaveAnswers")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        write.MapDelete("/participations/{participationId}/answers/{questionKey}", AnswerWritesApi.DeleteAsync).WithName("DeleteAnswer")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        write.MapPost("/participations/{participationId}/prefill", PrefillAsync).WithName("PrefillAnswers")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<AnswerSetResponse>, ProblemHttpResult>> ListAsync(
        string participationId, ClaimsPrincipal principal, ParticipationScopes scopes, IAnswerRepository answers, IEvidenceRepository evidence,
        IReviewRepository reviews, IAuditEventRepository audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return ParticipationScopes.NotFound(participationId);
        }
        await RecordBureauReadAsync(principal, audit, "answers.read", participationId, null, clock, cancellationToken);
        var current = await answers.ListAsync(participationId, cancellationToken);
        var documents = await evidence.ListAsync(participationId, null, cancellationToken);
        var remarks = await reviews.LatestRemarksAsync(participationId, cancellationToken);
        return TypedResults.Ok(new AnswerSetResponse(
            participationId, scope.Participation.Status.ToWireName(), scope.CanEditAnswers.IsAllowed,
            current.Select(AnswerResponse.From).ToList(), documents.Select(EvidenceResponse.From).ToList(), remarks.Select(RemarkResponse.From).ToList()));
    }

    public static async Task<Results<Ok<AnswerHistoryResponse>, ProblemHttpResult>> HistoryAsync(
        string participationId, string questionKey, ClaimsPrincipal principal, ParticipationScopes scopes, IAnswerRepository answers,
        IAuditEventRepository audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return ParticipationScopes.NotFound(participationId);
        }
        if (scope.Questionnaire.FindQuestion(questionKey) is null)
        {
            return ApiProblems.NotFound($"The questionnaire of this participation has no question '{questionKey}'.");
        }
        await RecordBureauReadAsync(principal, audit, "answers.history-read", participationId, questionKey, clock, cancellationToken);
        var versions = await answers.HistoryAsync(participationId, questionKey, cancellationToken);
        return TypedResults.Ok(new AnswerHistoryResponse(questionKey, versions.Select(v => new AnswerVersionResponse(
            v.Version, v.ValueJson is null ? null : AnswerInput.Parse(v.ValueJson), v.Comment, v.Prefilled, v.ChangedBy, v.ChangedAt)).ToList()));
    }

    /// <summary>
    /// Copies the institution's accepted answers of the baseline round into empty answers, for the questions that
    /// are comparable (same key and type) and whose old value is still valid under the new question.
    /// </summary>
    public static async Task<Results<Ok<PrefillResponse>, ProblemHttpResult>> PrefillAsync(
        string participationId, ClaimsPrincipal principal, ParticipationScopes scopes, IRoundRepository rounds, IParticipationRepository participations,
        QuestionnaireCatalog catalog, IAnswerRepository answers, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return ParticipationScopes.NotFound(participationId);
        }
        if (!principal.CanEdit(scope.Participation))
        {
            return ParticipationScopes.NotEditor();
        }
        if (!scope.CanEditAnswers.IsAllowed)
        {
            return ApiProblems.Conflict(scope.CanEditAnswers.Reason!);
        }
        if (scope.Round.Round.BaselineRoundId is not { } baselineRoundId
            || await rounds.GetAsync(baselineRoundId, cancellationToken) is not { } baselineRound)
        {
            return ApiProblems.Conflict($"Round '{scope.Round.Round.Id}' has no baseline round to prefill from.");
        }
        var baseline = await participations.FindAsync(baselineRoundId, scope.Participation.InstitutionId, cancellationToken);
        if (baseline is not { Status: ParticipationStatus.Accepted })
        {
            return ApiProblems.Conflict($"The institution has no accepted participation in baseline round '{baselineRoundId}' to prefill from.");
        }
        var older = await catalog.GetAsync(baselineRound.Round.Questionnaire.Key, baselineRound.Round.Questionnaire.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Round {baselineRoundId} refers to a missing questionnaire.");
        var comparable = QuestionnaireComparison.Compare(older, scope.Questionnaire).Comparable.ToHashSet(StringComparer.Ordinal);
        // Same key and type can still differ in options or bounds: an old value the new question rejects is not copied.
        var keys = (await answers.ListAsync(baseline.Id, cancellationToken))
            .Where(a => comparable.Contains(a.QuestionKey)
                        && AnswerValidator.Validate(scope.Questionnaire.FindQuestion(a.QuestionKey)!, AnswerInput.Parse(a.ValueJson)).Count == 0)
            .Select(a => a.QuestionKey).ToList();
        var result = await answers.PrefillAsync(participationId, baseline.Id, keys, principal.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            PrefillOutcome.Prefilled => TypedResults.Ok(new PrefillResponse(baselineRoundId, baseline.Id, result.CopiedKeys)),
            PrefillOutcome.NotFound => ParticipationScopes.NotFound(participationId),
            _ => ApiProblems.Conflict(result.Reason ?? "The answers cannot be prefilled now."),
        };
    }

    /// <summary>Answers are confidential: the bureau's reads are on the record, the institution's own are not.</summary>
    internal static async Task RecordBureauReadAsync(
        ClaimsPrincipal principal, IAuditEventRepository audit, string action, string participationId, string? summary, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (ParticipationScopes.IsBureauRead(principal))
        {
            await audit.RecordAsync(principal.ToActor().Did(action, "participation", participationId, clock.GetUtcNow(), summary), cancellationToken);
        }
    }
}
