using Audit.Core.Evidence;

namespace Audit.Application.Evidence;

/// <summary>A document to hand out: its metadata (name, detected type) and its bytes; the receiver disposes the stream.</summary>
public sealed record EvidenceDownload(EvidenceRecord Record, Stream Content);

/// <summary>
/// Hands out one evidence document to whoever may see the participation: its own institution, or the bureau, whose
/// read is recorded as a confidential read before the bytes leave the service.
/// </summary>
public sealed class ReadEvidence(ParticipationScopes scopes, IEvidenceRepository evidence, IEvidenceStore store, ConfidentialReads reads)
{
    public async Task<Outcome<EvidenceDownload>> ExecuteAsync(
        Caller caller, string participationId, string questionKey, string evidenceId, CancellationToken cancellationToken)
    {
        var found = await scopes.VisibleAsync(participationId, caller, cancellationToken);
        var document = await EvidenceDocuments.FindAsync(found, evidence, questionKey, evidenceId, cancellationToken);
        if (!document.TryGetValue(out var record, out var failure))
        {
            return failure;
        }
        var content = await store.OpenAsync(record.Sha256, cancellationToken)
            ?? throw new InvalidOperationException($"Evidence {evidenceId} refers to content {record.Sha256} that is not in the store.");
        try
        {
            await reads.RecordAsync(caller, "evidence.read", participationId, $"{questionKey} {evidenceId}", cancellationToken);
        }
        catch
        {
            // Unrecorded, the bytes do not leave; nor does the open file.
            await content.DisposeAsync();
            throw;
        }
        return new EvidenceDownload(record, content);
    }
}
