using Audit.Core.AuditTrail;
using Audit.Core.Evidence;
using Microsoft.AspNetCore.Http.Features;

namespace Audit.Api.Evidence;

/// <summary>Why an upload was not taken; the API words it as a problem, the pages as a message at the question.</summary>
public enum UploadRefusal
{
    TooLarge,
    NotMultipart,
    Unreadable,
    NotOneFile,
    Empty,
    UnsupportedType,
}

/// <summary>
/// Taking in an evidence document, shared by the API and the questionnaire pages: read the multipart body under the
/// evidence size limit (raised for this request alone), take its one file, decide the type by the bytes, store the
/// content by hash and the metadata in the database.
/// </summary>
public static class EvidenceUploads
{
    /// <summary>Room for the multipart boundaries, part headers and form fields around the file itself.</summary>
    public const long MultipartOverheadBytes = 64 * 1024;

    /// <summary>The form, or why it cannot be read. <paramref name="detail"/> explains an unreadable body.</summary>
    public static async Task<(IFormCollection? Form, UploadRefusal? Refusal, string? Detail)> ReadFormAsync(
        HttpContext http, long maxBytes, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > maxBytes + MultipartOverheadBytes)
        {
            return (null, UploadRefusal.TooLarge, null);
        }
        if (!http.Request.HasFormContentType || !http.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, UploadRefusal.NotMultipart, null);
        }
        // The body has not been read yet, so the server's per-request limit can still be raised for this request alone.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + MultipartOverheadBytes;
        }
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes + MultipartOverheadBytes }));
        try
        {
            return (await http.Request.ReadFormAsync(cancellationToken), null, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, UploadRefusal.TooLarge, null);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, UploadRefusal.TooLarge, null);
        }
        catch (InvalidDataException e)
        {
            return (null, UploadRefusal.Unreadable, e.Message);
        }
    }

    /// <summary>The form's single non-empty file within the limit, or why not.</summary>
    public static (IFormFile? File, UploadRefusal? Refusal) TakeFile(IFormCollection form, long maxBytes)
    {
        if (form.Files.Count != 1)
        {
            return (null, UploadRefusal.NotOneFile);
        }
        var file = form.Files[0];
        if (file.Length > maxBytes)
        {
            return (null, UploadRefusal.TooLarge);
        }
        return file.Length == 0 ? (null, UploadRefusal.Empty) : (file, null);
    }

    /// <summary>
    /// Stores the file for the question when its bytes are an accepted document type. The result is null with
    /// <see cref="UploadRefusal.UnsupportedType"/> when they are not; otherwise the repository's outcome.
    /// </summary>
    public static async Task<(EvidenceChangeResult? Result, UploadRefusal? Refusal)> StoreAsync(
        string participationId, string questionKey, IFormFile file, Actor actor, IEvidenceRepository evidence, IEvidenceStore store,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var content = file.OpenReadStream();
        if (EvidenceContent.Detect(content) is not { } contentType)
        {
            return (null, UploadRefusal.UnsupportedType);
        }
        var stored = await store.PutAsync(content, cancellationToken);
        var upload = new EvidenceUpload(participationId, questionKey, stored.Sha256, EvidenceContent.SafeFileName(file.FileName), contentType, stored.Length);
        var result = await evidence.AddAsync(upload, actor, now, cancellationToken);
        if (result.Outcome != EvidenceChangeOutcome.Done)
        {
            await ForgetIfUnreferencedAsync(stored.Sha256, evidence, store, cancellationToken);
            return (result, null);
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
        return (result, null);
    }

    /// <summary>Content is shared by hash; it goes only when no document of any participation still has it.</summary>
    public static async Task ForgetIfUnreferencedAsync(string sha256, IEvidenceRepository evidence, IEvidenceStore store, CancellationToken cancellationToken)
    {
        if (!await evidence.IsContentReferencedAsync(sha256, cancellationToken))
        {
            await store.DeleteAsync(sha256, cancellationToken);
        }
    }
}
