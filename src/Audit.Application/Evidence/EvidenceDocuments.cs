using Audit.Core.Evidence;

namespace Audit.Application.Evidence;

/// <summary>What the evidence use cases share: finding one document of a question, and letting go of bytes nobody uses.</summary>
internal static class EvidenceDocuments
{
    /// <summary>
    /// The document in a participation the caller reached (<paramref name="scope"/>, or its failure), when it belongs to
    /// this question; another question's id is "not found" too.
    /// </summary>
    public static async Task<Outcome<EvidenceRecord>> FindAsync(
        Outcome<ParticipationScope> scope, IEvidenceRepository evidence, string questionKey, string evidenceId, CancellationToken cancellationToken)
    {
        if (!scope.TryGetValue(out var found, out var failure))
        {
            return failure;
        }
        return await evidence.GetAsync(found.Id, evidenceId, cancellationToken) is { } record && record.QuestionKey == questionKey
            ? record
            : EvidenceRefusals.NoSuchEvidence(evidenceId);
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
