using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Problems;
using Audit.Core.Institutions;
using Audit.Core.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Institutions;

/// <summary>
/// The institution registry. It is public knowledge (the list of Dutch knowledge institutions), so
/// every signed-in user may read it; only admins add, rename or deactivate. An id never changes.
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
        return routes;
    }

    public sealed record InstitutionResponse(string Id, string Name, string Type, string? City, string? Brin, bool Active)
    {
        public static InstitutionResponse From(Institution i) => new(i.Id, i.Name, i.Type.ToWireName(), i.City, i.Brin, i.Active);
    }

    public sealed record InstitutionPage(IReadOnlyList<InstitutionResponse> Items, int Page, int PageSize, long Total);

    public sealed record CreateInstitutionRequest(string? Id, string? Name, string? Type, string? City, string? Brin, bool? Active);

    public sealed record UpdateInstitutionRequest(string? Name, string? Type, string? City, string? Brin, bool? Active);

    public static async Task<Results<Ok<InstitutionPage>, ValidationProblem>> ListAsync(
        IInstitutionRepository institutions, CancellationToken cancellationToken,
        string? type = null, bool? active = null, int? page = null, int? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        InstitutionType? parsedType = null;
        if (type is not null)
        {
            if (InstitutionTypes.TryParse(type, out var t)) parsedType = t;
            else errors["type"] = [$"'{type}' is not a known type; expected one of: {string.Join(", ", InstitutionTypes.WireNames)}."];
        }
        ApiProblems.CheckPaging(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var result = await institutions.ListAsync(new InstitutionQuery(parsedType, active),
            new PageRequest(page ?? 1, pageSize ?? PageRequest.MaxPageSize), cancellationToken);
        return TypedResults.Ok(new InstitutionPage(result.Items.Select(InstitutionResponse.From).ToList(), result.PageNumber, result.PageSize, result.Total));
    }

    public static async Task<Results<Ok<InstitutionResponse>, ProblemHttpResult>> GetAsync(
        string id, IInstitutionRepository institutions, CancellationToken cancellationToken) =>
        await institutions.GetAsync(id, cancellationToken) is { } institution
            ? TypedResults.Ok(InstitutionResponse.From(institution))
            : ApiProblems.NotFound($"Institution '{id}' does not exist.");

    public static async Task<Results<Created<InstitutionResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateInstitutionRequest request, IInstitutionRepository institutions, ClaimsPrincipal principal, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var draft = new InstitutionDraft(request.Id, request.Name, request.Type, request.City, request.Brin, request.Active ?? true);
        if (!InstitutionRules.TryCreate(draft, out var institution, out var errors))
        {
            return ApiProblems.Validation(FieldErrors.ToDictionary(errors));
        }
        var audit = principal.ToActor().Did("institution.created", "institution", institution.Id, clock.GetUtcNow(), $"{institution.Name} ({institution.Type.ToWireName()})");
        if (!await institutions.InsertAsync(institution, audit, cancellationToken))
        {
            return ApiProblems.Conflict($"Institution '{institution.Id}' already exists.");
        }
        return TypedResults.Created($"/api/v1/institutions/{institution.Id}", InstitutionResponse.From(institution));
    }

    public static async Task<Results<Ok<InstitutionResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, UpdateInstitutionRequest request, IInstitutionRepository institutions, ClaimsPrincipal principal, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await institutions.GetAsync(id, cancellationToken) is not { } current)
        {
            return ApiProblems.NotFound($"Institution '{id}' does not exist.");
        }
        var draft = new InstitutionDraft(current.Id, request.Name ?? current.Name, request.Type ?? current.Type.ToWireName(),
            request.City ?? current.City, request.Brin ?? current.Brin, request.Active ?? current.Active);
        if (!InstitutionRules.TryCreate(draft, out var changed, out var errors))
        {
            return ApiProblems.Validation(FieldErrors.ToDictionary(errors));
        }
        var summary = $"{current.Name} → {changed.Name}; type {current.Type.ToWireName()} → {changed.Type.ToWireName()}; active {current.Active} → {changed.Active}";
        await institutions.UpdateAsync(changed, principal.ToActor().Did("institution.updated", "institution", id, clock.GetUtcNow(), summary), cancellationToken);
        return TypedResults.Ok(InstitutionResponse.From(changed));
    }
}
