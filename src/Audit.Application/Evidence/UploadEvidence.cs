using Audit.Core.Evidence;

namespace Audit.Application.Evidence;

/// <summary>A document as it arrived: the name the sender gave it, its length, and its bytes (a seekable stream).</summary>
public sealed record IncomingDocument(string? FileName, long Length, Func<Stream> OpenRead);

/// <summary>
/// Where a document may go: made only by <see cref="UploadEvidence.OpenAsync"/>, after the access and state checks, so
/// holding one is the proof that the caller may add evidence to this question.
/// </summary>
public sealed class EvidenceSlot
{
    internal EvidenceSlot(Caller caller, ParticipationScope scope, string questionKey, long maxBytes)
    {
        Caller = caller;
        Scope = scope;
        QuestionKey = questionKey;
        MaxBytes = maxBytes;
    }

    internal Caller Caller { get; }

    public ParticipationScope Scope { get; }

    public string QuestionKey { get; }

    /// <summary>The largest document taken; the web project reads the request body under it.</summary>
    public long MaxBytes { get; }
}

/// <summary>
/// Adds an evidence document to a question. In two steps, because the body is large: <see cref="OpenAsync"/> checks who
/// asks and whether the participation takes evidence now before the web project reads the body at all (an outsider
/// learns nothing from it and sends no 20 MB for nothing); <see cref="ExecuteAsync"/> judges the document (size, type by
/// its bytes, never by its name) and stores the bytes by hash and the metadata in the database.
/// </summary>
public sealed class UploadEvidence(
    ParticipationScopes scopes, IEvidenceRepository evidence, IEvidenceStore store, EvidenceLimits limits, TimeProvider clock)
{
    public async Task<Outcome<EvidenceSlot>> OpenAsync(Caller caller, string participationId, string questionKey, CancellationToken cancellationToken)
    {
        var found = await scopes.EditableByAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        if (scope.Questionnaire.FindQuestion(questionKey) is null)
        {
            return Failure.Invalid.Field("questionKey", $"The questionnaire has no question '{questionKey}'.");
        }
        if (!scope.CanEditAnswers.IsAllowed)
        {
            return new Failure.Conflict(scope.CanEditAnswers.Reason!);
        }
        return new EvidenceSlot(caller, scope, questionKey, limits.MaxBytes);
    }

    public async Task<Outcome<EvidenceRecord>> ExecuteAsync(EvidenceSlot slot, IncomingDocument document, CancellationToken cancellationToken)
    {
        if (document.Length > slot.MaxBytes)
        {
            return EvidenceRefusals.TooLarge(slot.MaxBytes);
        }
        if (document.Length == 0)
        {
            return EvidenceRefusals.Empty();
        }
        await using var content = document.OpenRead();
        if (EvidenceContent.Detect(content) is not { } contentType)
        {
            return EvidenceRefusals.NotADocument();
        }
        var stored = await store.PutAsync(content, cancellationToken);
        var upload = new EvidenceUpload(
            slot.Scope.Id, slot.QuestionKey, stored.Sha256, EvidenceContent.SafeFileName(document.FileName, contentType), contentType, stored.Length);
        var result = await evidence.AddAsync(upload, slot.Caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        if (result.Outcome != EvidenceChangeOutcome.Done)
        {
            await EvidenceDocuments.ForgetIfUnreferencedAsync(stored.Sha256, evidence, store, cancellationToken);
            return result.Outcome == EvidenceChangeOutcome.NotFound
                ? ParticipationScopes.NotFound(slot.Scope.Id)
                : new Failure.Conflict(result.Reason ?? "Evidence cannot be added now.");
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
        return result.Evidence!;
    }
}
