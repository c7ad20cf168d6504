namespace Audit.Core.Evidence;

/// <summary>
/// Where evidence bytes live, content-addressed by SHA-256. The database keeps the metadata; this
/// keeps the content. The default is a folder; Azure Blob storage can implement the same interface.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Stores the content (idempotent for equal content) and returns its hash and size.</summary>
    Task<StoredContent> PutAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>The content, or null when nothing is stored under the hash.</summary>
    Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default);

    Task DeleteAsync(string sha256, CancellationToken cancellationToken = default);
}

public sealed record StoredContent(string Sha256, long Length);
