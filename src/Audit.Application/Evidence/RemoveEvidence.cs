using Audit.Core.Evidence;

namespace Audit.Application.Evidence;

/// <summary>
/// Removes an evidence document; the repository checks, inside its transaction, that the participation still takes
/// changes. The bytes go too when no other document (of any participation) has the same content.
/// </summary>
public sealed class RemoveEvidence(ParticipationScopes scopes, IEvidenceRepository evidence, IEvidenceStore store, TimeProvider clock)
{
    public async Task<Outcome<EvidenceRecord>> ExecuteAsync(
        Caller caller, string participationId, string questionKey, string evidenceId, CancellationToken cancellationToken)
    {
        var found = await scopes.EditableByAsync(participationId, caller, cancellationToken);
        var document = await EvidenceDocuments.FindAsync(found, evidence, questionKey, evidenceId, cancellationToken);
        if (!document.TryGetValue(out var record, out var failure))
        {
            return failure;
        }
        var result = await evidence.DeleteAsync(participationId, evidenceId, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case EvidenceChangeOutcome.Done:
                await EvidenceDocuments.ForgetIfUnreferencedAsync(record.Sha256, evidence, store, cancellationToken);
                return record;
            case EvidenceChangeOutcome.NotFound:
                return EvidenceRefusals.NoSuchEvidence(evidenceId);
            default:
                return new Failure.Conflict(result.Reason ?? "Evidence cannot be removed now.");
        }
    }
}
