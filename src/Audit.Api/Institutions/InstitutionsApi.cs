using Audit.Application.Institutions;
using Audit.Application.Requests;
using Audit.Core.Institutions;

namespace Audit.Api.Institutions;

/// <summary>
/// The institution registry. It is public knowledge (the list of Dutch knowledge institutions), so
/// every signed-in user may read it; only admins add, rename or deactivate. An id never changes. The rules live in
/// <see cref="ReadInstitutions"/>, <see cref="CreateInstitution"/> and <see cref="UpdateInstitution"/>.
/// </summary>
public static class InstitutionsApi
{
    public static IEndpointRouteBuilder MapInstitutions(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup("/api/v1").WithTags("Institutions").RequireAuthorization(Policies.SignedIn);
        read.MapGet("/institutions", ListAsync).WithName("ListInstitutions");
        read.MapGet("/institutions/{id}", GetAsync).WithName("GetInstitution");

        var write = routes.MapGroup("/api/v1").WithTags("Institutions").RequireAuthorization(Policies.Admin);
        write.MapPost("/institutions", CreateAsync).WithName("CreateInstitution");
        write.MapPatch("/institutions/{id}", UpdateAsync).WithName("UpdateInstitution");
        routes.MapInstitutionContacts();
        routes.MapInstitutionImports();
        return routes;
    }

    public sealed record InstitutionResponse(string Id, string Name, string Type, string? City, string? Brin, bool Active)
    {
        public static InstitutionResponse From(Institution i) => new(i.Id, i.Name, i.Type.ToWireName(), i.City, i.Brin, i.Active);
    }

    public sealed record InstitutionPage(IReadOnlyList<InstitutionResponse> Items, int Page, int PageSize, long Total);

    public sealed record CreateInstitutionRequest(string? Id, string? Name, string? Type, string? City, string? Brin, bool? Active);

    public sealed record UpdateInstitutionRequest(string? Name, string? Type, string? City, string? Brin, bool? Active);

    public static async Task<Results<Ok<InstitutionPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal principal, ReadInstitutions read, CancellationToken cancellationToken,
        string? type = null, bool? active = null, string? name = null, int? page = null, int? pageSize = null) =>
        (await read.ExecuteAsync(principal.ToCaller(), type, active, name, new PageInput(page, pageSize), cancellationToken)).ToResults(result =>
            TypedResults.Ok(new InstitutionPage(result.Items.Select(InstitutionResponse.From).ToList(), result.PageNumber, result.PageSize, result.Total)));

    public static async Task<Results<Ok<InstitutionResponse>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal principal, ReadInstitutions read, CancellationToken cancellationToken) =>
        (await read.GetAsync(principal.ToCaller(), id, cancellationToken)).ToResult(institution => TypedResults.Ok(InstitutionResponse.From(institution)));

    public static async Task<Results<Created<InstitutionResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateInstitutionRequest request, ClaimsPrincipal principal, CreateInstitution create, CancellationToken cancellationToken) =>
        (await create.ExecuteAsync(principal.ToCaller(),
            new InstitutionDraft(request.Id, request.Name, request.Type, request.City, request.Brin, request.Active ?? true), cancellationToken))
            .ToResults(institution => TypedResults.Created($"/api/v1/institutions/{institution.Id}", InstitutionResponse.From(institution)));

    public static async Task<Results<Ok<InstitutionResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, UpdateInstitutionRequest request, ClaimsPrincipal principal, UpdateInstitution update, CancellationToken cancellationToken) =>
        (await update.ExecuteAsync(principal.ToCaller(), id,
            new InstitutionChange(request.Name, request.Type, request.City, request.Brin, request.Active), cancellationToken))
            .ToResults(institution => TypedResults.Ok(InstitutionResponse.From(institution)));
}
