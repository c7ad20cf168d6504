using Audit.Application.Answers;
using Audit.Core.Answers;

namespace Audit.Api.Answers;

/// <summary>
/// Writing answers over HTTP: If-Match in, ETag out, and the use cases' refusals as problems (412/428 carry the answer
/// as it now is, so the UI can show what a colleague entered). The rules live in <see cref="SaveAnswer"/>,
/// <see cref="SaveAnswers"/> and <see cref="DeleteAnswer"/>.
/// </summary>
public static class AnswerWritesApi
{
    public static async Task<Results<Ok<AnswerResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string participationId, string questionKey, PutAnswerRequest request, HttpContext http, ClaimsPrincipal principal, SaveAnswer save,
        CancellationToken cancellationToken)
    {
        var edit = new AnswerEdit(questionKey, request.Value, request.Comment, null);
        var outcome = await save.ExecuteAsync(principal.ToCaller(), participationId, questionKey, edit, VersionTags.ReadIfMatch(http.Request),
            cancellationToken);
        VersionTags.Set(http.Response, outcome, answer => answer.Version);
        return outcome.ToResults(answer => TypedResults.Ok(AnswerResponse.From(answer)), PresentAnswers);
    }

    public static async Task<Results<Ok<BatchAnswersResponse>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        string participationId, BatchAnswersRequest request, ClaimsPrincipal principal, SaveAnswers save, CancellationToken cancellationToken)
    {
        var edits = request.Answers?.Select(i => new AnswerEdit(i.QuestionKey, i.Value, i.Comment, i.Version)).ToList();
        var outcome = await save.ExecuteAsync(principal.ToCaller(), participationId, edits, cancellationToken);
        return outcome.ToResults(saved => TypedResults.Ok(new BatchAnswersResponse(saved.Select(AnswerResponse.From).ToList())), PresentAnswers);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string participationId, string questionKey, HttpContext http, ClaimsPrincipal principal, DeleteAnswer delete,
        CancellationToken cancellationToken)
    {
        var outcome = await delete.ExecuteAsync(principal.ToCaller(), participationId, questionKey, VersionTags.ReadIfMatch(http.Request),
            cancellationToken);
        VersionTags.Set(http.Response, outcome, _ => null);
        return outcome.ToResults(_ => TypedResults.NoContent(), PresentAnswers);
    }

    /// <summary>The wire shape of the domain objects a refused write carries: the current answer, or a batch's failing items.</summary>
    public static object? PresentAnswers(object? value) => value switch
    {
        AnswerRecord answer => AnswerResponse.From(answer),
        IEnumerable<AnswerItemFailure> items => items
            .Select(f => new BatchFailure(f.Index, f.QuestionKey, f.Reason, f.Current is null ? null : AnswerResponse.From(f.Current))).ToList(),
        _ => value,
    };
}
