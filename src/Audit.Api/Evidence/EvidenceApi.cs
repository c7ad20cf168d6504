using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Answers;
using Audit.Api.Participations;
using Audit.Api.Problems;
using Audit.Application.Participations;
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
            return LegacyScopes.NotFound(participationId);
        }
        if (!principal.CanEdit(scope.Participation))
        {
            return LegacyScopes.NotEditor();
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
        var (form, unread, detail) = await EvidenceUploads.ReadFormAsync(http, maxBytes, cancellationToken);
        var (file, refusal) = form is null ? (null, unread) : EvidenceUploads.TakeFile(form, maxBytes);
        if (file is null)
        {
            return Refused(refusal!.Value, maxBytes, detail, form?.Files.Count ?? 0);
        }
        var (result, unsupported) = await EvidenceUploads.StoreAsync(
            participationId, questionKey, file, principal.ToActor(), evidence, store, clock.GetUtcNow(), cancellationToken);
        if (unsupported is { } kind)
        {
            return Refused(kind, maxBytes, null, 1);
        }
        return result!.Outcome switch
        {
            EvidenceChangeOutcome.Done => TypedResults.Created(
                $"/api/v1/participations/{participationId}/answers/{questionKey}/evidence/{result.Evidence!.Id}", EvidenceResponse.From(result.Evidence)),
            EvidenceChangeOutcome.NotFound => LegacyScopes.NotFound(participationId),
            _ => ApiProblems.Conflict(result.Reason ?? "Evidence cannot be added now."),
        };
    }

    private static Results<Created<EvidenceResponse>, ValidationProblem, ProblemHttpResult> Refused(
        UploadRefusal refusal, long maxBytes, string? detail, int fileCount) => refusal switch
    {
        UploadRefusal.TooLarge => ApiProblems.Status(StatusCodes.Status413PayloadTooLarge,
            $"A document may be at most {maxBytes / (1024.0 * 1024.0):0.#} MB.", new Dictionary<string, object?> { ["maxBytes"] = maxBytes }),
        UploadRefusal.NotMultipart => Unsupported("Send the document as multipart/form-data with one file field."),
        UploadRefusal.UnsupportedType => Unsupported("The content is not a PDF, DOCX, XLSX, ODT, PNG or JPEG document (judged by its bytes, not its name)."),
        UploadRefusal.Unreadable => FileError($"The multipart body cannot be read: {detail}"),
        UploadRefusal.NotOneFile => FileError($"Send exactly one file; this request has {fileCount}."),
        _ => FileError("The file is empty."),
    };

    private static ValidationProblem FileError(string message) =>
        ApiProblems.Validation(new Dictionary<string, string[]> { ["file"] = [message] });

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string participationId, string questionKey, string evidenceId, ClaimsPrincipal principal, ParticipationScopes scopes,
        IEvidenceRepository evidence, IEvidenceStore store, IAuditEventRepository audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is null)
        {
            return LegacyScopes.NotFound(participationId);
        }
        if (await evidence.GetAsync(participationId, evidenceId, cancellationToken) is not { } record || record.QuestionKey != questionKey)
        {
            return NoSuchEvidence(evidenceId);
        }
        if (await store.OpenAsync(record.Sha256, cancellationToken) is not { } content)
        {
            throw new InvalidOperationException($"Evidence {evidenceId} refers to content {record.Sha256} that is not in the store.");
        }
        await LegacyScopes.RecordBureauReadAsync(principal, audit, "evidence.read", participationId, $"{questionKey} {evidenceId}", clock, cancellationToken);
        // A download, never rendered inline: the name is the sanitised original, the type the detected one.
        return TypedResults.File(content, record.ContentType, record.FileName);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string participationId, string questionKey, string evidenceId, ClaimsPrincipal principal, ParticipationScopes scopes,
        IEvidenceRepository evidence, IEvidenceStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return LegacyScopes.NotFound(participationId);
        }
        if (!principal.CanEdit(scope.Participation))
        {
            return LegacyScopes.NotEditor();
        }
        if (await evidence.GetAsync(participationId, evidenceId, cancellationToken) is not { } record || record.QuestionKey != questionKey)
        {
            return NoSuchEvidence(evidenceId);
        }
        var result = await evidence.DeleteAsync(participationId, evidenceId, principal.ToActor(), clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case EvidenceChangeOutcome.Done:
                await EvidenceUploads.ForgetIfUnreferencedAsync(record.Sha256, evidence, store, cancellationToken);
                return TypedResults.NoContent();
            case EvidenceChangeOutcome.NotFound:
                return NoSuchEvidence(evidenceId);
            default:
                return ApiProblems.Conflict(result.Reason ?? "Evidence cannot be removed now.");
        }
    }

    private static ProblemHttpResult NoSuchEvidence(string evidenceId) => ApiProblems.NotFound($"Evidence '{evidenceId}' does not exist.");

    private static ProblemHttpResult Unsupported(string detail) => ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, detail,
        new Dictionary<string, object?> { ["accepted"] = EvidenceContent.Accepted });
}
