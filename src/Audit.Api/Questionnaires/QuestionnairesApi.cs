using System.Security.Claims;
using System.Text.Json;
using System.Text;
using Audit.Api.Access;
using Audit.Api.Problems;
using Audit.Core.Questionnaires;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Questionnaires;

/// <summary>
/// Versioned questionnaire definitions. Anyone signed in may read them (what is asked is not secret);
/// admins upload new versions as YAML or JSON. A stored version is immutable.
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

    public static async Task<Ok<QuestionnaireList>> ListAsync(IQuestionnaireRepository questionnaires, CancellationToken cancellationToken) =>
        TypedResults.Ok(new QuestionnaireList((await questionnaires.ListAsync(cancellationToken))
            .Select(q => new QuestionnaireSummaryResponse(q.Key, q.Version, q.Title, q.Language, q.ContentHash, q.CreatedAt)).ToList()));

    public static async Task<Results<Ok<QuestionnaireResponse>, ProblemHttpResult>> GetAsync(
        string key, string version, IQuestionnaireRepository questionnaires, CancellationToken cancellationToken) =>
        await questionnaires.GetAsync(key, version, cancellationToken) is { } stored
            ? TypedResults.Ok(QuestionnaireResponse.From(stored))
            : ApiProblems.NotFound($"Questionnaire '{key}' has no version '{version}'.");

    /// <summary>201 with the stored definition; 200 when the identical version was stored already; 409 when it differs.</summary>
    public static async Task<Results<Created<QuestionnaireResponse>, Ok<QuestionnaireResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, IQuestionnaireRepository questionnaires, ClaimsPrincipal principal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var isYaml = mediaType is "application/yaml" or "application/x-yaml" or "text/yaml";
        if (!isYaml && mediaType != "application/json")
        {
            return ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the definition as application/yaml or application/json.");
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var loaded = isYaml ? QuestionnaireLoader.LoadYaml(text) : QuestionnaireLoader.LoadJson(text);
        if (!loaded.IsValid)
        {
            var errors = loaded.Errors.GroupBy(e => e.Path.Length == 0 ? "$" : e.Path)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return ApiProblems.Validation(errors, $"The definition has {loaded.Errors.Count} error(s).");
        }
        var now = clock.GetUtcNow();
        var stored = QuestionnaireJson.ToStored(loaded.Value!, now);
        var result = await questionnaires.InsertIfAbsentAsync(stored,
            principal.ToActor().Did("questionnaire.uploaded", "questionnaire", $"{stored.Key}/{stored.Version}", now, stored.ContentHash), cancellationToken);
        if (!result.Inserted && result.StoredContentHash != stored.ContentHash)
        {
            return ApiProblems.Conflict(
                $"Questionnaire '{stored.Key}' version '{stored.Version}' exists with different content; a version never changes. Upload it as a new version.");
        }
        var current = QuestionnaireResponse.From((await questionnaires.GetAsync(stored.Key, stored.Version, cancellationToken))!);
        return result.Inserted
            ? TypedResults.Created($"/api/v1/questionnaires/{stored.Key}/versions/{stored.Version}", current)
            : TypedResults.Ok(current);
    }
}
