using Audit.Api.Answers;
using Audit.Application.Evidence;
using Audit.Core.Evidence;

namespace Audit.Api.Evidence;

/// <summary>
/// Evidence documents per question. The type is decided by the bytes (a renamed executable stays refused, 415);
/// the size limit (413) is raised for this endpoint only, everything else keeps the 1 MB request limit. The rules live
/// in <see cref="UploadEvidence"/>, <see cref="ReadEvidence"/> and <see cref="RemoveEvidence"/>.
/// </summary>
public static class EvidenceApi
{
    private const string Path = "/participations/{participationId}/answers/{questionKey}/evidence";

    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Evidence").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Respondent))
            .MapGet(Path + "/{evidenceId}", DownloadAsync).WithName("DownloadEvidence")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);

        var write = routes.MapGroup("/api/v1").WithTags("Evidence").RequireAuthorization(Policies.Respondent);
        write.MapPost(Path, UploadAsync).WithName("UploadEvidence")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        write.MapDelete(Path + "/{evidenceId}", DeleteAsync).WithName("DeleteEvidence").ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Created<EvidenceResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        string participationId, string questionKey, HttpContext http, ClaimsPrincipal principal, UploadEvidence upload,
        CancellationToken cancellationToken) =>
        (await StoreAsync(participationId, questionKey, http, principal, upload, cancellationToken)).ToResults(document => TypedResults.Created(
            $"/api/v1/participations/{participationId}/answers/{questionKey}/evidence/{document.Id}", EvidenceResponse.From(document)));

    /// <summary>The access checks first, then the body: an outsider's request is refused before a byte of it is read.</summary>
    private static async Task<Outcome<EvidenceRecord>> StoreAsync(
        string participationId, string questionKey, HttpContext http, ClaimsPrincipal principal, UploadEvidence upload,
        CancellationToken cancellationToken)
    {
        var opened = await upload.OpenAsync(principal.ToCaller(), participationId, questionKey, cancellationToken);
        if (!opened.TryGetValue(out var slot, out var failure))
        {
            return failure;
        }
        var (form, unread, detail) = await EvidenceUploads.ReadFormAsync(http, slot.MaxBytes, cancellationToken);
        var (document, refusal) = form is null ? (null, unread) : EvidenceUploads.TakeFile(form);
        if (document is null)
        {
            return EvidenceUploads.Refused(refusal!.Value, slot.MaxBytes, detail, form?.Files.Count ?? 0);
        }
        return await upload.ExecuteAsync(slot, document, cancellationToken);
    }

    /// <summary>A download, never rendered inline: the name is the sanitised original, the type the detected one.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string participationId, string questionKey, string evidenceId, ClaimsPrincipal principal, ReadEvidence read,
        CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), participationId, questionKey, evidenceId, cancellationToken))
            .ToResult(download => TypedResults.File(download.Content, download.Record.ContentType, download.Record.FileName));

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string participationId, string questionKey, string evidenceId, ClaimsPrincipal principal, RemoveEvidence remove,
        CancellationToken cancellationToken) =>
        (await remove.ExecuteAsync(principal.ToCaller(), participationId, questionKey, evidenceId, cancellationToken))
            .ToResult(_ => TypedResults.NoContent());
}
