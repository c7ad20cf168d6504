using Audit.Application.Answers;
using Audit.Core.Answers;
using Audit.Core.Rounds;

namespace Audit.Api.Answers;

/// <summary>
/// A participation's answers. The institution's own respondents write them (autosave with ETag/If-Match, batches,
/// clearing, prefill from the baseline round); the bureau reads them, and each such read is recorded as a
/// confidential read. The ministry never reaches them. Writes live in <see cref="AnswerWritesApi"/>; the rules in the
/// use cases of <c>Audit.Application.Answers</c>.
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
        string participationId, ClaimsPrincipal principal, ReadAnswers read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), participationId, cancellationToken)).ToResult(set => TypedResults.Ok(new AnswerSetResponse(
            participationId, set.Scope.Participation.Status.ToWireName(), set.Editable, set.Answers.Select(AnswerResponse.From).ToList(),
            set.Evidence.Select(EvidenceResponse.From).ToList(), set.Remarks.Select(RemarkResponse.From).ToList())));

    public static async Task<Results<Ok<AnswerHistoryResponse>, ProblemHttpResult>> HistoryAsync(
        string participationId, string questionKey, ClaimsPrincipal principal, ReadAnswers read, CancellationToken cancellationToken) =>
        (await read.HistoryAsync(principal.ToCaller(), participationId, questionKey, cancellationToken)).ToResult(versions =>
            TypedResults.Ok(new AnswerHistoryResponse(questionKey, versions.Select(v => new AnswerVersionResponse(
                v.Version, v.ValueJson is null ? null : AnswerInput.Parse(v.ValueJson), v.Comment, v.Prefilled, v.ChangedBy, v.ChangedAt)).ToList())));

    /// <summary>Copies the institution's accepted baseline answers into empty answers (see <see cref="PrefillAnswers"/>).</summary>
    public static async Task<Results<Ok<PrefillResponse>, ProblemHttpResult>> PrefillAsync(
        string participationId, ClaimsPrincipal principal, PrefillAnswers prefill, CancellationToken cancellationToken) =>
        (await prefill.ExecuteAsync(principal.ToCaller(), participationId, cancellationToken)).ToResult(p =>
            TypedResults.Ok(new PrefillResponse(p.BaselineRoundId, p.BaselineParticipationId, p.Copied)));
}
