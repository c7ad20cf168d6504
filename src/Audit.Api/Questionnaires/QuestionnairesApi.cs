using System.Text.Json;
using System.Text;
using Audit.Application.Questionnaires;
using Audit.Core.Questionnaires;

namespace Audit.Api.Questionnaires;

/// <summary>
/// Versioned questionnaire definitions. Anyone signed in may read them (what is asked is not secret);
/// admins upload new versions as YAML or JSON. A stored version is immutable. The rules live in
/// <see cref="ReadQuestionnaires"/> and <see cref="UploadQuestionnaire"/>.
/// </summary>
public static class QuestionnairesApi
{
    public static IEndpointRouteBuilder MapQuestionnaires(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup("/api/v1").WithTags("Questionnaires").RequireAuthorization(Policies.SignedIn);
        read.MapGet("/questionnaires", ListAsync).WithName("ListQuestionnaires");
        read.MapGet("/questionnaires/{key}/versions/{version}", GetAsync).WithName("GetQuestionnaireVersion");

        routes.MapGroup("/api/v1").WithTags("Questionnaires").RequireAuthorization(Policies.Admin)
            .MapPost("/questionnaires", UploadAsync).WithName("UploadQuestionnaire")
            .Accepts<JsonElement>("application/json", "application/yaml");
        return routes;
    }

    public sealed record QuestionnaireSummaryResponse(string Key, string Version, string Title, string Language, string ContentHash, DateTimeOffset CreatedAt);

    public sealed record QuestionnaireResponse(
        string Key, string Version, string Title, string Language, string ContentHash, DateTimeOffset CreatedAt, JsonElement Definition)
    {
        public static QuestionnaireResponse From(StoredQuestionnaire q)
        {
            using var document = JsonDocument.Parse(q.DefinitionJson);
            return new(q.Key, q.Version, q.Title, q.Language, q.ContentHash, q.CreatedAt, document.RootElement.Clone());
        }
    }

    public sealed record QuestionnaireList(IReadOnlyList<QuestionnaireSummaryResponse> Items);

    public static async Task<Results<Ok<QuestionnaireList>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal principal, ReadQuestionnaires read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), cancellationToken)).ToResult(list => TypedResults.Ok(new QuestionnaireList(
            list.Select(q => new QuestionnaireSummaryResponse(q.Key, q.Version, q.Title, q.Language, q.ContentHash, q.CreatedAt)).ToList())));

    public static async Task<Results<Ok<QuestionnaireResponse>, ProblemHttpResult>> GetAsync(
        string key, string version, ClaimsPrincipal principal, ReadQuestionnaires read, CancellationToken cancellationToken) =>
        (await read.GetAsync(principal.ToCaller(), key, version, cancellationToken)).ToResult(stored => TypedResults.Ok(QuestionnaireResponse.From(stored)));

    /// <summary>201 with the stored definition; 200 when the identical version was stored already; 409 when it differs.</summary>
    public static async Task<Results<Created<QuestionnaireResponse>, Ok<QuestionnaireResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ClaimsPrincipal principal, UploadQuestionnaire upload, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var isYaml = mediaType is "application/yaml" or "application/x-yaml" or "text/yaml";
        if (!isYaml && mediaType != "application/json")
        {
            return ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the definition as application/yaml or application/json.");
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var outcome = await upload.ExecuteAsync(principal.ToCaller(), await reader.ReadToEndAsync(cancellationToken), isYaml, cancellationToken);
        if (!outcome.TryGetValue(out var uploaded, out var failure))
        {
            return OutcomeProblems.Problem(failure);
        }
        var current = QuestionnaireResponse.From(uploaded.Questionnaire);
        return uploaded.Inserted
            ? TypedResults.Created($"/api/v1/questionnaires/{current.Key}/versions/{current.Version}", current)
            : TypedResults.Ok(current);
    }
}
