using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Answers;
using Audit.Api.Participations;
using Audit.Api.Problems;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Evidence;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Audit.Api.Evidence;

/// <summary>
/// Evidence documents per question. The type is decided by the bytes (a renamed executable stays refused, 415);
/// the size limit (413) is raised for this endpoint only, everything else keeps the 1 MB request limit. The bytes
/// go to the <see cref="IEvidenceStore"/> by hash, the metadata to the database.
/// </summary>
public static class EvidenceApi
{
    /// <summary>Room for the multipart boundaries and part headers around the file itself.</summary>
    private const long MultipartOverheadBytes = 64 * 1024;

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
        string participationId, string questionKey, HttpContext http, ClaimsPrincipal principal, ParticipationScopes scopes,
        IEvidenceRepository evidence, IEvidenceStore store, IOptions<EvidenceOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return ParticipationScopes.NotFound(participationId);
        }
        if (!principal.CanEdit(scope.Participation))
        {
            return ParticipationScopes.NotEditor();
        }
        if (scope.Questionnaire.FindQuestion(questionKey) is null)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["questionKey"] = [$"The questionnaire has no question '{questionKey}'."] });
        }
        if (!scope.CanEditAnswers.IsAllowed)
        {
            return ApiProblems.Conflict(scope.CanEditAnswers.Reason!);
        }
        var maxBytes = options.Value.MaxBytes;
        var tooLarge = ApiProblems.Status(StatusCodes.Status413PayloadTooLarge,
            $"A document may be at most {maxBytes / (1024.0 * 1024.0):0.#} MB.", new Dictionary<string, object?> { ["maxBytes"] = maxBytes });
        if (http.Request.ContentLength > maxBytes + MultipartOverheadBytes)
        {
            return tooLarge;
        }
        if (!http.Request.HasFormContentType || !http.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Unsupported("Send the document as multipart/form-data with one file field.");
        }
        // The body has not been read yet, so the server's per-request limit can still be raised for this request alone.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + MultipartOverheadBytes;
        }
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes + MultipartOverheadBytes }));
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return tooLarge;
        }
        catch (InvalidDataException e)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["file"] = [$"The multipart body cannot be read: {e.Message}"] });
        }
        if (form.Files.Count != 1)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["file"] = [$"Send exactly one file; this request has {form.Files.Count}."] });
        }
        var file = form.Files[0];
        if (file.Length > maxBytes)
        {
            return tooLarge;
        }
        if (file.Length == 0)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["file"] = ["The file is empty."] });
        }
        await using var content = file.OpenReadStream();
        if (EvidenceContent.Detect(content) is not { } contentType)
        {
            return Unsupported("The content is not a PDF, DOCX, XLSX, ODT, PNG or JPEG document (judged by its bytes, not its name).");
        }
        var stored = await store.PutAsync(content, cancellationToken);
        var upload = new EvidenceUpload(participationId, questionKey, stored.Sha256, EvidenceContent.SafeFileName(file.FileName), contentType, stored.Length);
        var result = await evidence.AddAsync(upload, principal.ToActor(), clock.GetUtcNow(), cancellationToken);
        if (result.Outcome != EvidenceChangeOutcome.Done)
        {
            await ForgetIfUnreferencedAsync(stored.Sha256, evidence, store, cancellationToken);
            return result.Outcome == EvidenceChangeOutcome.NotFound
                ? ParticipationScopes.NotFound(participationId)
                : ApiProblems.Conflict(result.Reason ?? "Evidence cannot be added now.");
        }
        // A concurrent delete of another document with the same bytes may have removed them before our row existed.
        if (await store.OpenAsync(stored.Sha256, cancellationToken) is { } check)
        {
            await check.DisposeAsync();
        }
        else
        {
            content.Position = 0;
            await store.PutAsync(content, cancellationToken);
        }
        return TypedResults.Created($"/api/v1/participations/{participationId}/answers/{questionKey}/evidence/{result.Evidence!.Id}",
            EvidenceResponse.From(result.Evidence));
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string participationId, string questionKey, string evidenceId, ClaimsPrincipal principal, ParticipationScopes scopes,
        IEvidenceRepository evidence, IEvidenceStore store, IAuditEventRepository audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is null)
        {
            return ParticipationScopes.NotFound(participationId);
        }
        if (await evidence.GetAsync(participationId, evidenceId, cancellationToken) is not { } record || record.QuestionKey != questionKey)
        {
            return NoSuchEvidence(evidenceId);
        }
        if (await store.OpenAsync(record.Sha256, cancellationToken) is not { } content)
        {
            throw new InvalidOperationException($"Evidence {evidenceId} refers to content {record.Sha256} that is not in the store.");
        }
        await AnswersApi.RecordBureauReadAsync(principal, audit, "evidence.read", participationId, $"{questionKey} {evidenceId}", clock, cancellationToken);
        // A download, never rendered inline: the name is the sanitised original, the type the detected one.
        return TypedResults.File(content, record.ContentType, record.FileName);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string participationId, string questionKey, string evidenceId, ClaimsPrincipal principal, ParticipationScopes scopes,
        IEvidenceRepository evidence, IEvidenceStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return ParticipationScopes.NotFound(participationId);
        }
        if (!principal.CanEdit(scope.Participation))
        {
            return ParticipationScopes.NotEditor();
        }
        if (await evidence.GetAsync(participationId, evidenceId, cancellationToken) is not { } record || record.QuestionKey != questionKey)
        {
            return NoSuchEvidence(evidenceId);
        }
        var result = await evidence.DeleteAsync(participationId, evidenceId, principal.ToActor(), clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case EvidenceChangeOutcome.Done:
                await ForgetIfUnreferencedAsync(record.Sha256, evidence, store, cancellationToken);
                return TypedResults.NoContent();
            case EvidenceChangeOutcome.NotFound:
                return NoSuchEvidence(evidenceId);
            default:
                return ApiProblems.Conflict(result.Reason ?? "Evidence cannot be removed now.");
        }
    }

    /// <summary>Content is shared by hash; it goes only when no document of any participation still has it.</summary>
    private static async Task ForgetIfUnreferencedAsync(string sha256, IEvidenceRepository evidence, IEvidenceStore store, CancellationToken cancellationToken)
    {
        if (!await evidence.IsContentReferencedAsync(sha256, cancellationToken))
        {
            await store.DeleteAsync(sha256, cancellationToken);
        }
    }

    private static ProblemHttpResult NoSuchEvidence(string evidenceId) => ApiProblems.NotFound($"Evidence '{evidenceId}' does not exist.");

    private static ProblemHttpResult Unsupported(string detail) => ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, detail,
        new Dictionary<string, object?> { ["accepted"] = EvidenceContent.Accepted });
}
