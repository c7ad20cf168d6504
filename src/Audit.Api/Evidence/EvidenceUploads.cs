using Audit.Application.Evidence;
using Microsoft.AspNetCore.Http.Features;

namespace Audit.Api.Evidence;

/// <summary>Why a request carries no document to judge; the API words it as a problem, the pages as a message at the question.</summary>
public enum UploadRefusal
{
    TooLarge,
    NotMultipart,
    Unreadable,
    NotOneFile,
}

/// <summary>
/// The HTTP side of taking in an evidence document, shared by the API and the questionnaire pages: read the multipart
/// body under the evidence size limit (raised for this request alone) and take its one file. Judging the document
/// (size, type by its bytes) and storing it is <see cref="UploadEvidence"/>'s.
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
        catch (IOException e) when (Problems.ProblemsExtensions.IsUnreadableForm(e))
        {
            // The multipart reader ran out of body before the closing boundary (truncated, or a boundary the body never uses).
            return (null, UploadRefusal.Unreadable, "the body ends before the closing boundary.");
        }
    }

    /// <summary>The form's single file as a document to judge, or why there is none.</summary>
    public static (IncomingDocument? Document, UploadRefusal? Refusal) TakeFile(IFormCollection form)
    {
        if (form.Files.Count != 1)
        {
            return (null, UploadRefusal.NotOneFile);
        }
        var file = form.Files[0];
        return (new IncomingDocument(file.FileName, file.Length, file.OpenReadStream), null);
    }

    /// <summary>The refusal as the API answers it (413, 415, or 400 at the file field).</summary>
    public static Failure Refused(UploadRefusal refusal, long maxBytes, string? detail, int fileCount) => refusal switch
    {
        UploadRefusal.TooLarge => EvidenceRefusals.TooLarge(maxBytes),
        UploadRefusal.NotMultipart => EvidenceRefusals.Unsupported("Send the document as multipart/form-data with one file field."),
        UploadRefusal.Unreadable => EvidenceRefusals.File($"The multipart body cannot be read: {detail}"),
        _ => EvidenceRefusals.File($"Send exactly one file; this request has {fileCount}."),
    };
}
