using Audit.Api.Answers;
using Audit.Application.DeepDives;
using Audit.Core.DeepDives;

namespace Audit.Api.DeepDives;

/// <summary>
/// The qualitative deep-dive over HTTP: a sector's selection (ETag/If-Match), suggestions (not stored) and the
/// interviews and document studies. Bureau only: every signed-in caller reaches the handler, and the use cases answer
/// anyone else "not found", so neither the ministry nor a respondent learns that a deep-dive exists.
/// </summary>
public static class DeepDivesApi
{
    public sealed record SelectedInstitution(string InstitutionId, string Name, int Records);

    public sealed record SelectionResponse(
        string RoundId, string InstitutionType, IReadOnlyList<SelectedInstitution> Institutions, string? Rationale, int? Version, string? UpdatedBy,
        DateTimeOffset? UpdatedAt);

    public sealed record SelectionRequest(IReadOnlyList<string?>? InstitutionIds, string? Rationale);

    public sealed record SuggestionRequest(int? Size, int? Seed);

    public sealed record NoteBody(string? Text, IReadOnlyList<string?>? Themes);

    public sealed record RecordRequest(
        string? InstitutionId, string? Kind, string? Date, IReadOnlyList<string?>? Roles, IReadOnlyList<NoteBody?>? Notes, string? NotablePractices)
    {
        public DeepDiveRecordInput ToInput() => new(InstitutionId, Kind, Date, Roles,
            Notes?.Select(n => n is null ? null : new DeepDiveNoteInput(n.Text, n.Themes)).ToList(), NotablePractices);
    }

    public sealed record RecordResponse(
        string Id, string InstitutionId, string Kind, DateOnly Date, IReadOnlyList<string> Roles, IReadOnlyList<DeepDiveNote> Notes, string? NotablePractices,
        int Version, string UpdatedBy, DateTimeOffset UpdatedAt)
    {
        public static RecordResponse From(DeepDiveRecord r) => new(r.Id, r.InstitutionId, r.Kind.ToWireName(),
            r.HeldOn, r.Roles, r.Notes, r.NotablePractices, r.Version, r.UpdatedBy, r.UpdatedAt);
    }

    public sealed record RecordListResponse(IReadOnlyList<RecordResponse> Items);

    private const string Sector = "/rounds/{roundId}/deep-dives/{institutionType}";

    public static IEndpointRouteBuilder MapDeepDives(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Deep-dives").RequireAuthorization(Policies.SignedIn);
        group.MapGet(Sector, GetSelectionAsync).WithName("GetDeepDiveSelection");
        group.MapPut(Sector, PutSelectionAsync).WithName("SaveDeepDiveSelection")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        group.MapPost(Sector + "/suggestions", SuggestAsync).WithName("SuggestDeepDiveSelection");
        group.MapGet(Sector + "/records", ListRecordsAsync).WithName("ListDeepDiveRecords");
        group.MapPost(Sector + "/records", AddRecordAsync).WithName("AddDeepDiveRecord");
        group.MapPut(Sector + "/records/{recordId}", ChangeRecordAsync).WithName("ChangeDeepDiveRecord")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        group.MapDelete(Sector + "/records/{recordId}", DeleteRecordAsync).WithName("DeleteDeepDiveRecord")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return routes;
    }

    public static SelectionResponse Present(DeepDiveSector sector, DeepDiveSelection? selection, IReadOnlyDictionary<string, int> counts) => new(
        sector.Round.Round.Id, sector.TypeName,
        [.. (selection?.InstitutionIds ?? []).Select(id => new SelectedInstitution(id, sector.Find(id)?.InstitutionName ?? id, counts.GetValueOrDefault(id)))],
        selection?.Rationale, selection?.Version, selection?.UpdatedBy, selection?.UpdatedAt);

    public static async Task<Results<Ok<SelectionResponse>, ProblemHttpResult>> GetSelectionAsync(
        string roundId, string institutionType, HttpContext http, ClaimsPrincipal principal, ReadDeepDiveSelection read, CancellationToken cancellationToken)
    {
        var outcome = await read.ExecuteAsync(principal.ToCaller(), roundId, institutionType, cancellationToken);
        VersionTags.Set(http.Response, outcome, o => o.Selection?.Version);
        return outcome.ToResult(o => TypedResults.Ok(Present(o.Sector, o.Selection, o.RecordCounts)));
    }

    public static async Task<Results<Ok<SelectionResponse>, ValidationProblem, ProblemHttpResult>> PutSelectionAsync(
        string roundId, string institutionType, SelectionRequest request, HttpContext http, ClaimsPrincipal principal, SaveDeepDiveSelection save,
        CancellationToken cancellationToken)
    {
        var outcome = await save.ExecuteAsync(principal.ToCaller(), roundId, institutionType, new DeepDiveSelectionInput(request.InstitutionIds, request.Rationale),
            VersionTags.ReadIfMatch(http.Request), cancellationToken);
        VersionTags.Set(http.Response, outcome, o => o.Selection?.Version);
        return outcome.ToResults(o => TypedResults.Ok(Present(o.Sector, o.Selection, o.RecordCounts)));
    }

    public static async Task<Results<Ok<DeepDiveSuggestionResult>, ValidationProblem, ProblemHttpResult>> SuggestAsync(
        string roundId, string institutionType, SuggestionRequest request, ClaimsPrincipal principal, SuggestDeepDive suggest, CancellationToken cancellationToken) =>
        (await suggest.ExecuteAsync(principal.ToCaller(), roundId, institutionType, request.Size, request.Seed, cancellationToken)).ToResults(TypedResults.Ok);

    public static async Task<Results<Ok<RecordListResponse>, ProblemHttpResult>> ListRecordsAsync(
        string roundId, string institutionType, string? institutionId, ClaimsPrincipal principal, ReadDeepDiveRecords read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), roundId, institutionType, institutionId, cancellationToken))
            .ToResult(list => TypedResults.Ok(new RecordListResponse([.. list.Records.Select(RecordResponse.From)])));

    public static async Task<Results<Created<RecordResponse>, ValidationProblem, ProblemHttpResult>> AddRecordAsync(
        string roundId, string institutionType, RecordRequest request, HttpContext http, ClaimsPrincipal principal, SaveDeepDiveRecord save,
        CancellationToken cancellationToken)
    {
        var outcome = await save.ExecuteAsync(principal.ToCaller(), roundId, institutionType, request.ToInput(), cancellationToken);
        VersionTags.Set(http.Response, outcome, r => r.Version);
        return outcome.ToResults(r => TypedResults.Created($"/api/v1/rounds/{roundId}/deep-dives/{institutionType}/records/{r.Id}", RecordResponse.From(r)));
    }

    public static async Task<Results<Ok<RecordResponse>, ValidationProblem, ProblemHttpResult>> ChangeRecordAsync(
        string roundId, string institutionType, string recordId, RecordRequest request, HttpContext http, ClaimsPrincipal principal, SaveDeepDiveRecord save,
        CancellationToken cancellationToken)
    {
        var outcome = await save.ChangeAsync(principal.ToCaller(), roundId, institutionType, recordId, request.ToInput(), VersionTags.ReadIfMatch(http.Request),
            cancellationToken);
        VersionTags.Set(http.Response, outcome, r => r.Version);
        return outcome.ToResults(r => TypedResults.Ok(RecordResponse.From(r)));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteRecordAsync(
        string roundId, string institutionType, string recordId, HttpContext http, ClaimsPrincipal principal, SaveDeepDiveRecord save,
        CancellationToken cancellationToken) =>
        (await save.DeleteAsync(principal.ToCaller(), roundId, institutionType, recordId, VersionTags.ReadIfMatch(http.Request), cancellationToken))
            .ToResults(_ => TypedResults.NoContent());
}
