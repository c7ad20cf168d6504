using Audit.Core.Access;
using Audit.Core.Evidence;
using Audit.Data.Rounds;

namespace Audit.Data.Evidence;

public sealed class EvidenceRepository(IDbConnectionFactory factory) : IEvidenceRepository
{
    /// <summary>Evidence ids are random, so a download link reveals nothing about other documents.</summary>
    public const string IdPrefix = "e_";

    private readonly EvidenceSql _sql = new(factory.Dialect);
    private readonly ParticipationStateSql _state = new(factory.Dialect);

    public Task<EvidenceChangeResult> AddAsync(EvidenceUpload upload, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var actorId = ParticipationState.ActorId(actor);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var access = await EditGate.EnterAsync(c, t, _state, upload.ParticipationId, actor, now, cancellationToken);
            if (!access.Editable)
            {
                return (false, Refused(access));
            }
            var record = new EvidenceRecord(AccessTokens.NewId(IdPrefix), upload.ParticipationId, upload.QuestionKey, upload.Sha256,
                upload.FileName, upload.ContentType, upload.SizeBytes, actorId, now);
            await c.ExecuteAsync(new CommandDefinition(_sql.Insert, new
            {
                id = record.Id,
                participation_id = record.ParticipationId,
                question_key = record.QuestionKey,
                sha256 = record.Sha256,
                file_name = record.FileName,
                content_type = record.ContentType,
                size_bytes = record.SizeBytes,
                uploaded_by = record.UploadedBy,
                uploaded_at = record.UploadedAt,
            }, t, cancellationToken: cancellationToken));
            await AuditEventRepository.WriteAsync(c, t,
                actor.Did("evidence.added", "participation", record.ParticipationId, now, $"{record.QuestionKey} {record.Id} {record.Sha256}"),
                cancellationToken);
            return (true, new EvidenceChangeResult(EvidenceChangeOutcome.Done, record));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<EvidenceRecord>> ListAsync(string participationId, string? questionKey = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EvidenceRow>(new CommandDefinition(
            questionKey is null ? _sql.List : _sql.ListOfQuestion,
            new { participation_id = participationId, question_key = questionKey }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<EvidenceRecord?> GetAsync(string participationId, string evidenceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, participationId, evidenceId, cancellationToken);
    }

    public Task<EvidenceChangeResult> DeleteAsync(
        string participationId, string evidenceId, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var access = await EditGate.EnterAsync(c, t, _state, participationId, actor, now, cancellationToken);
            if (!access.Editable)
            {
                return (false, Refused(access));
            }
            var existing = await GetAsync(c, t, participationId, evidenceId, cancellationToken);
            if (existing is null || await c.ExecuteAsync(new CommandDefinition(
                    _sql.Delete, new { participation_id = participationId, id = evidenceId }, t, cancellationToken: cancellationToken)) != 1)
            {
                return (false, new EvidenceChangeResult(EvidenceChangeOutcome.NotFound, null));
            }
            await AuditEventRepository.WriteAsync(c, t,
                actor.Did("evidence.deleted", "participation", participationId, now, $"{existing.QuestionKey} {existing.Id} {existing.Sha256}"),
                cancellationToken);
            return (true, new EvidenceChangeResult(EvidenceChangeOutcome.Done, existing));
        }, cancellationToken);

    public async Task<bool> IsContentReferencedAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(_sql.ContentReferences, new { sha256 }, cancellationToken: cancellationToken)) > 0;
    }

    private static EvidenceChangeResult Refused(EditGate.Access access) =>
        new(access.Refused(EvidenceChangeOutcome.NotFound, EvidenceChangeOutcome.NotEditable), null, access.Reason);

    private async Task<EvidenceRecord?> GetAsync(DbConnection c, DbTransaction? t, string participationId, string evidenceId, CancellationToken cancellationToken) =>
        (await c.QuerySingleOrDefaultAsync<EvidenceRow>(new CommandDefinition(
            _sql.Get, new { participation_id = participationId, id = evidenceId }, t, cancellationToken: cancellationToken)))?.ToRecord();

    private sealed class EvidenceRow
    {
        public string Id { get; set; } = "";
        public string ParticipationId { get; set; } = "";
        public string QuestionKey { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public string FileName { get; set; } = "";
        public string ContentType { get; set; } = "";
        public long SizeBytes { get; set; }
        public string UploadedBy { get; set; } = "";
        public DateTimeOffset UploadedAt { get; set; }

        public EvidenceRecord ToRecord() => new(Id, ParticipationId, QuestionKey, Sha256, FileName, ContentType, SizeBytes, UploadedBy, UploadedAt);
    }
}
