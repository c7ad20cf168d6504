using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Participations;
using Audit.Api.Problems;
using Audit.Core.Answers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Answers;

/// <summary>
/// Writing answers, without lost updates: a PUT names the version it edited in If-Match (412 when a colleague changed
/// it since, with the current answer); an existing answer cannot be written without one (428). Every write is
/// validated with Core first (all errors), refused unless the participation is editable (409), and the repository
/// checks editability again inside its transaction, moves invited → in_progress and records the audit event.
/// </summary>
public static class AnswerWritesApi
{
    public static async Task<Results<Ok<AnswerResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string participationId, string questionKey, PutAnswerRequest request, HttpContext http, ClaimsPrincipal principal,
        ParticipationScopes scopes, IAnswerRepository answers, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return ParticipationScopes.NotFound(participationId);
        }
        if (!principal.CanEdit(scope.Participation))
        {
            return ParticipationScopes.NotEditor();
        }
        if (!VersionTags.TryReadIfMatch(http.Request, out var expected))
        {
            return ApiProblems.Validation(VersionTags.InvalidIfMatch());
        }
        var errors = new Dictionary<string, string[]>();
        var valueErrors = AnswerInput.Check(scope.Questionnaire, questionKey, request.Value, request.Comment, out var commentErrors);
        if (valueErrors.Count > 0) errors["value"] = [.. valueErrors];
        if (commentErrors.Count > 0) errors["comment"] = [.. commentErrors];
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        if (!scope.CanEditAnswers.IsAllowed)
        {
            return ApiProblems.Conflict(scope.CanEditAnswers.Reason!);
        }
        var write = new AnswerWrite(questionKey, AnswerInput.Canonical(request.Value), request.Comment, expected);
        var result = await answers.SaveAsync(participationId, write, principal.ToActor(), clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case AnswerSaveOutcome.Saved:
                VersionTags.Set(http.Response, result.Answer!.Version);
                return TypedResults.Ok(AnswerResponse.From(result.Answer));
            case AnswerSaveOutcome.NotFound:
                return ParticipationScopes.NotFound(participationId);
            case AnswerSaveOutcome.NotEditable:
                return ApiProblems.Conflict(result.Reason ?? "The answers cannot be changed now.");
            default:
                return Stale(result, http.Response);
        }
    }

    /// <summary>412 (or 428) with the answer as it now is, so the UI can show what a colleague entered.</summary>
    private static ProblemHttpResult Stale(AnswerSaveResult result, HttpResponse response)
    {
        var current = result.Answer is null ? null : AnswerResponse.From(result.Answer);
        if (current is not null)
        {
            VersionTags.Set(response, current.Version);
        }
        var extensions = new Dictionary<string, object?> { ["current"] = current };
        return result.Outcome == AnswerSaveOutcome.PreconditionRequired
            ? ApiProblems.Status(StatusCodes.Status428PreconditionRequired,
                $"'{result.QuestionKey}' already has an answer (version {current?.Version}); send If-Match with the version you edited.", extensions)
            : ApiProblems.Status(StatusCodes.Status412PreconditionFailed, current is null
                ? $"'{result.QuestionKey}' was cleared by someone else meanwhile; it has no answer now."
                : $"'{result.QuestionKey}' was changed by someone else meanwhile; it is now at version {current.Version}.", extensions);
    }

    /// <summary>All or nothing: 400 lists every invalid item, 412 every stale one; nothing is saved unless everything is.</summary>
    public static async Task<Results<Ok<BatchAnswersResponse>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        string participationId, BatchAnswersRequest request, ClaimsPrincipal principal, ParticipationScopes scopes, IAnswerRepository answers,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return ParticipationScopes.NotFound(participationId);
        }
        if (!principal.CanEdit(scope.Participation))
        {
            return ParticipationScopes.NotEditor();
        }
        var items = request.Answers ?? [];
        var errors = new Dictionary<string, string[]>();
        if (items.Count is 0 or > AnswerInput.MaxBatchSize)
        {
            errors["answers"] = [$"Send between 1 and {AnswerInput.MaxBatchSize} answers."];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = $"answers[{i}]";
            if (string.IsNullOrEmpty(item.QuestionKey))
            {
                errors[path + ".questionKey"] = ["The question key is required."];
                continue;
            }
            if (!seen.Add(item.QuestionKey))
            {
                errors[path + ".questionKey"] = [$"'{item.QuestionKey}' appears more than once in this batch."];
            }
            var valueErrors = AnswerInput.Check(scope.Questionnaire, item.QuestionKey, item.Value, item.Comment, out var commentErrors);
            if (valueErrors.Count > 0) errors[path + ".value"] = [.. valueErrors.Select(e => $"{item.QuestionKey}: {e}")];
            if (commentErrors.Count > 0) errors[path + ".comment"] = [.. commentErrors];
            if (item.Version is < 1) errors[path + ".version"] = ["A version is at least 1."];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        if (!scope.CanEditAnswers.IsAllowed)
        {
            return ApiProblems.Conflict(scope.CanEditAnswers.Reason!);
        }
        var writes = items.Select(i => new AnswerWrite(i.QuestionKey!, AnswerInput.Canonical(i.Value), i.Comment, i.Version)).ToList();
        var result = await answers.SaveBatchAsync(participationId, writes, principal.ToActor(), clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case AnswerBatchOutcome.Saved:
                return TypedResults.Ok(new BatchAnswersResponse(result.Items.Select(r => AnswerResponse.From(r.Answer!)).ToList()));
            case AnswerBatchOutcome.NotFound:
                return ParticipationScopes.NotFound(participationId);
            case AnswerBatchOutcome.NotEditable:
                return ApiProblems.Conflict(result.Reason ?? "The answers cannot be changed now.");
        }
        var failures = result.Items.Select((r, index) => (r, index))
            .Where(x => x.r.Outcome is not (AnswerSaveOutcome.Saved or AnswerSaveOutcome.RolledBack))
            .Select(x => new BatchFailure(x.index, x.r.QuestionKey, ReasonOf(x.r.Outcome), x.r.Answer is null ? null : AnswerResponse.From(x.r.Answer)))
            .ToList();
        return ApiProblems.Status(StatusCodes.Status412PreconditionFailed,
            $"Nothing was saved: {failures.Count} answer(s) changed meanwhile or need their version: {string.Join(", ", failures.Select(f => f.QuestionKey))}.",
            new Dictionary<string, object?> { ["items"] = failures });
    }

    private static string ReasonOf(AnswerSaveOutcome outcome) => outcome switch
    {
        AnswerSaveOutcome.VersionMismatch => "version_mismatch",
        AnswerSaveOutcome.PreconditionRequired => "version_required",
        AnswerSaveOutcome.NotEditable => "not_editable",
        _ => "not_found",
    };

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string participationId, string questionKey, HttpContext http, ClaimsPrincipal principal, ParticipationScopes scopes, IAnswerRepository answers,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return ParticipationScopes.NotFound(participationId);
        }
        if (!principal.CanEdit(scope.Participation))
        {
            return ParticipationScopes.NotEditor();
        }
        if (!VersionTags.TryReadIfMatch(http.Request, out var expected))
        {
            return ApiProblems.Validation(VersionTags.InvalidIfMatch());
        }
        if (scope.Questionnaire.FindQuestion(questionKey) is null)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["questionKey"] = [$"The questionnaire has no question '{questionKey}'."] });
        }
        if (!scope.CanEditAnswers.IsAllowed)
        {
            return ApiProblems.Conflict(scope.CanEditAnswers.Reason!);
        }
        if (expected is null)
        {
            return await answers.GetAsync(participationId, questionKey, cancellationToken) is { } existing
                ? Stale(new AnswerSaveResult(AnswerSaveOutcome.PreconditionRequired, questionKey, existing), http.Response)
                : ApiProblems.NotFound($"'{questionKey}' has no answer.");
        }
        var result = await answers.DeleteAsync(participationId, questionKey, expected.Value, principal.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            AnswerDeleteOutcome.Deleted => TypedResults.NoContent(),
            AnswerDeleteOutcome.VersionMismatch => Stale(new AnswerSaveResult(AnswerSaveOutcome.VersionMismatch, questionKey, result.Current), http.Response),
            AnswerDeleteOutcome.NotEditable => ApiProblems.Conflict(result.Reason ?? "The answers cannot be changed now."),
            _ => ApiProblems.NotFound($"'{questionKey}' has no answer."),
        };
    }
}
