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
        read.MapGet("/questionnaires/{key}/versions/{version}/differences", DifferencesAsync).WithName("CompareQuestionnaireVersions")
            .WithDescription("What changed from the earlier version named by ?from= to this one: questions added, removed, and changed in type, " +
                "text or options (options include grid rows as row:key, columns as column:key and maturity level labels as level:n).");

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

    public sealed record QuestionBrief(string Key, string Type, string Text);

    public sealed record QuestionChangeResponse(
        string Key, string? OlderType, string? NewerType, string? OlderText, string? NewerText,
        IReadOnlyList<string> OptionsAdded, IReadOnlyList<string> OptionsRemoved, IReadOnlyList<string> OptionsRelabelled);

    public sealed record DifferencesResponse(
        string Key, string Version, string From, IReadOnlyList<QuestionBrief> Added, IReadOnlyList<QuestionBrief> Removed,
        IReadOnlyList<QuestionChangeResponse> Changed, int Unchanged);

    public static async Task<Results<Ok<DifferencesResponse>, ValidationProblem, ProblemHttpResult>> DifferencesAsync(
        string key, string version, ClaimsPrincipal principal, CompareQuestionnaires compare, CancellationToken cancellationToken, string? from = null) =>
        (await compare.ExecuteAsync(principal.ToCaller(), key, version, from, cancellationToken)).ToResults(view =>
        {
            var d = view.Differences;
            static QuestionBrief Brief(Question q) => new(q.Key, q.Type.ToWireName(), q.Text);
            return TypedResults.Ok(new DifferencesResponse(key, version, view.Older.Version, [.. d.Added.Select(Brief)], [.. d.Removed.Select(Brief)],
                [.. d.Changed.Select(c => new QuestionChangeResponse(c.Key, c.OlderType?.ToWireName(), c.NewerType?.ToWireName(), c.OlderText, c.NewerText,
                    c.OptionsAdded, c.OptionsRemoved, c.OptionsRelabelled))], d.Unchanged));
        });

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
