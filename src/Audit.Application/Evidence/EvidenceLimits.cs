using Audit.Core.Evidence;

namespace Audit.Application.Evidence;

/// <summary>
/// How large an evidence document may be. The web project configures it (<c>Evidence:MaxBytes</c>) and reads request
/// bodies under it; the use cases judge each document by it, so the API and the pages refuse the same documents.
/// </summary>
public sealed record EvidenceLimits(long MaxBytes)
{
    public static EvidenceLimits Default { get; } = new(EvidenceContent.DefaultMaxBytes);
}

/// <summary>Why a document is not taken, worded once for the API and the pages (which show their own text per kind).</summary>
public static class EvidenceRefusals
{
    public const string FileField = "file";

    public static Failure.TooLarge TooLarge(long maxBytes) =>
        new($"A document may be at most {maxBytes / (1024.0 * 1024.0):0.#} MB.") { Extensions = new Dictionary<string, object?> { ["maxBytes"] = maxBytes } };

    /// <summary>Not a document the service takes; the extension lists the types it does take.</summary>
    public static Failure.Unsupported Unsupported(string detail) =>
        new(detail) { Extensions = new Dictionary<string, object?> { ["accepted"] = EvidenceContent.Accepted } };

    public static Failure.Unsupported NotADocument() =>
        Unsupported("The content is not a PDF, DOCX, XLSX, ODT, PNG or JPEG document (judged by its bytes, not its name).");

    /// <summary>Something wrong with the file field itself (none, several, empty, unreadable).</summary>
    public static Failure.Invalid File(string message) => Failure.Invalid.Field(FileField, message);

    public static Failure.Invalid Empty() => File("The file is empty.");

    public static Failure.NotFound NoSuchEvidence(string evidenceId) => new($"Evidence '{evidenceId}' does not exist.");
}
