using System.Security.Cryptography;
using Audit.Core.Evidence;

namespace Audit.Data.Evidence;

/// <summary>
/// Evidence in a folder (default <c>data/evidence/</c>), one file per SHA-256. Writes go to a temp
/// file in the same folder and are renamed into place, so a crash never leaves a half-written blob
/// under a valid name.
/// </summary>
public sealed class FileEvidenceStore(string folder) : IEvidenceStore
{
    private readonly string _folder = Path.GetFullPath(folder);

    public async Task<StoredContent> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_folder);
        var temp = Path.Combine(_folder, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            string hash;
            long length;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
                length = file.Length;
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            var target = PathFor(hash);
            if (File.Exists(target))
            {
                File.Delete(temp); // same bytes already stored
            }
            else
            {
                File.Move(temp, target, overwrite: true);
            }
            return new StoredContent(hash, length);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathFor(sha256);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null);
    }

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        File.Delete(PathFor(sha256));
        return Task.CompletedTask;
    }

    /// <summary>Only lower-case hex names: a hash from anywhere else cannot point outside the folder.</summary>
    private string PathFor(string sha256) =>
        sha256.Length == 64 && sha256.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f')
            ? Path.Combine(_folder, sha256)
            : throw new ArgumentException("Not a SHA-256 hex digest.", nameof(sha256));
}
