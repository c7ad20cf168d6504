using System.Globalization;
using System.Text.Json;
using Audit.Core.DeepDives;
using Audit.Data.Rounds;

namespace Audit.Data.DeepDives;

/// <summary>
/// The deep-dive's store over <see cref="DeepDiveSql"/>. Lists (institutions, roles, notes) are JSON text; audit events
/// name the sector (<c>deep-dive</c>, <c>{roundId}/{type}</c>) and the record id, never a note.
/// </summary>
public sealed class DeepDiveRepository(IDbConnectionFactory factory) : IDeepDiveRepository
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly DeepDiveSql _sql = new(factory.Dialect);

    public async Task<DeepDiveSelection?> GetSelectionAsync(string roundId, string institutionType, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await GetSelectionAsync(connection, null, roundId, institutionType, cancellationToken);
    }

    public Task<DeepDiveWriteResult<DeepDiveSelection>> PutSelectionAsync(
        string roundId, string institutionType, IReadOnlyList<string> institutionIds, string rationale, int? expectedVersion, Actor actor,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var actorId = ParticipationState.ActorId(actor);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var parameters = new
            {
                round_id = roundId,
                institution_type = institutionType,
                institution_ids_json = JsonSerializer.Serialize(institutionIds, Json),
                rationale,
                version = 1,
                updated_by = actorId,
                updated_at = now,
                expected = expectedVersion ?? 0,
            };
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(_sql.RoundExists, parameters, t, cancellationToken: cancellationToken)) == 0)
            {
                return (false, new DeepDiveWriteResult<DeepDiveSelection>(DeepDiveWriteOutcome.NotFound, null));
            }
            // Without an expected version this is the first selection: an existing one is a mismatch, never overwritten.
            var sql = expectedVersion is null ? _sql.InsertSelection : _sql.UpdateSelection;
            if (await c.ExecuteAsync(new CommandDefinition(sql, parameters, t, cancellationToken: cancellationToken)) != 1)
            {
                return (false, new DeepDiveWriteResult<DeepDiveSelection>(DeepDiveWriteOutcome.VersionMismatch,
                    await GetSelectionAsync(c, t, roundId, institutionType, cancellationToken)));
            }
            var saved = (await GetSelectionAsync(c, t, roundId, institutionType, cancellationToken))!;
            await AuditEventRepository.WriteAsync(c, t, actor.Did("deep-dive.selection-saved", "deep-dive", $"{roundId}/{institutionType}", now,
                $"v{saved.Version}, {saved.InstitutionIds.Count} institutions"), cancellationToken);
            return (true, new DeepDiveWriteResult<DeepDiveSelection>(DeepDiveWriteOutcome.Saved, saved));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<DeepDiveRecord>> ListRecordsAsync(
        string roundId, string institutionType, string? institutionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RecordRow>(new CommandDefinition(_sql.ListRecords,
            new { round_id = roundId, institution_type = institutionType, institution_id = institutionId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<DeepDiveRecord?> GetRecordAsync(string roundId, string institutionType, string recordId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await GetRecordAsync(connection, null, roundId, institutionType, recordId, cancellationToken);
    }

    public Task<DeepDiveWriteResult<DeepDiveRecord>> AddRecordAsync(DeepDiveRecord record, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WriteRecordAsync(record, _sql.InsertRecord, null, "deep-dive.record-added", actor, now, cancellationToken);

    public Task<DeepDiveWriteResult<DeepDiveRecord>> ChangeRecordAsync(
        DeepDiveRecord record, int expectedVersion, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WriteRecordAsync(record, _sql.UpdateRecord, expectedVersion, "deep-dive.record-changed", actor, now, cancellationToken);

    public Task<DeepDiveWriteResult<DeepDiveRecord>> DeleteRecordAsync(
        string roundId, string institutionType, string recordId, int expectedVersion, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var current = await GetRecordAsync(c, t, roundId, institutionType, recordId, cancellationToken);
            if (current is null)
            {
                return (false, new DeepDiveWriteResult<DeepDiveRecord>(DeepDiveWriteOutcome.NotFound, null));
            }
            var deleted = await c.ExecuteAsync(new CommandDefinition(_sql.DeleteRecord,
                new { id = recordId, round_id = roundId, institution_type = institutionType, expected = expectedVersion }, t, cancellationToken: cancellationToken));
            if (deleted != 1)
            {
                return (false, new DeepDiveWriteResult<DeepDiveRecord>(DeepDiveWriteOutcome.VersionMismatch, current));
            }
            await AuditEventRepository.WriteAsync(c, t, actor.Did("deep-dive.record-deleted", "deep-dive-record", recordId, now,
                $"{roundId}/{institutionType} {current.InstitutionId} v{current.Version}"), cancellationToken);
            return (true, new DeepDiveWriteResult<DeepDiveRecord>(DeepDiveWriteOutcome.Saved, current));
        }, cancellationToken);

    public async Task<IReadOnlyList<DeepDiveCounts>> CountsAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var selections = await connection.QueryAsync<SelectionCountRow>(new CommandDefinition(_sql.ListSelections, new { round_id = roundId }, cancellationToken: cancellationToken));
        var records = (await connection.QueryAsync<KindCountRow>(new CommandDefinition(_sql.CountRecords, new { round_id = roundId }, cancellationToken: cancellationToken)))
            .ToList();
        int Count(string type, DeepDiveKind kind) =>
            (int)records.Where(r => r.InstitutionType == type && r.Kind == kind.ToWireName()).Sum(r => r.Count);
        return [.. selections.Select(s => new DeepDiveCounts(s.InstitutionType, Ids(s.InstitutionIdsJson).Count,
            Count(s.InstitutionType, DeepDiveKind.Interview), Count(s.InstitutionType, DeepDiveKind.DocumentStudy)))];
    }

    private async Task<DeepDiveWriteResult<DeepDiveRecord>> WriteRecordAsync(
        DeepDiveRecord record, string sql, int? expectedVersion, string action, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var actorId = ParticipationState.ActorId(actor);
        return await UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var parameters = new
            {
                id = record.Id,
                round_id = record.RoundId,
                institution_type = record.InstitutionType,
                institution_id = record.InstitutionId,
                kind = record.Kind.ToWireName(),
                held_on = record.HeldOn.ToString(RecordRow.DatePattern, CultureInfo.InvariantCulture),
                roles_json = JsonSerializer.Serialize(record.Roles, Json),
                notes_json = JsonSerializer.Serialize(record.Notes, Json),
                notable_practices = record.NotablePractices,
                updated_by = actorId,
                updated_at = now,
                expected = expectedVersion ?? 0,
            };
            if (expectedVersion is null
                && await c.ExecuteScalarAsync<long>(new CommandDefinition(_sql.RoundExists, parameters, t, cancellationToken: cancellationToken)) == 0)
            {
                return (false, new DeepDiveWriteResult<DeepDiveRecord>(DeepDiveWriteOutcome.NotFound, null));
            }
            if (await c.ExecuteAsync(new CommandDefinition(sql, parameters, t, cancellationToken: cancellationToken)) != 1)
            {
                var current = await GetRecordAsync(c, t, record.RoundId, record.InstitutionType, record.Id, cancellationToken);
                return (false, new DeepDiveWriteResult<DeepDiveRecord>(current is null ? DeepDiveWriteOutcome.NotFound : DeepDiveWriteOutcome.VersionMismatch, current));
            }
            var saved = (await GetRecordAsync(c, t, record.RoundId, record.InstitutionType, record.Id, cancellationToken))!;
            await AuditEventRepository.WriteAsync(c, t, actor.Did(action, "deep-dive-record", record.Id, now,
                $"{record.RoundId}/{record.InstitutionType} {record.InstitutionId} v{saved.Version}"), cancellationToken);
            return (true, new DeepDiveWriteResult<DeepDiveRecord>(DeepDiveWriteOutcome.Saved, saved));
        }, cancellationToken);
    }

    private async Task<DeepDiveSelection?> GetSelectionAsync(
        DbConnection c, DbTransaction? t, string roundId, string institutionType, CancellationToken cancellationToken) =>
        (await c.QuerySingleOrDefaultAsync<SelectionRow>(new CommandDefinition(_sql.GetSelection,
            new { round_id = roundId, institution_type = institutionType }, t, cancellationToken: cancellationToken)))?.ToSelection();

    private async Task<DeepDiveRecord?> GetRecordAsync(
        DbConnection c, DbTransaction? t, string roundId, string institutionType, string recordId, CancellationToken cancellationToken) =>
        (await c.QuerySingleOrDefaultAsync<RecordRow>(new CommandDefinition(_sql.GetRecord,
            new { id = recordId, round_id = roundId, institution_type = institutionType }, t, cancellationToken: cancellationToken)))?.ToRecord();

    private static List<string> Ids(string json) => JsonSerializer.Deserialize<List<string>>(json, Json) ?? [];

    private sealed class SelectionRow
    {
        public string RoundId { get; set; } = "";
        public string InstitutionType { get; set; } = "";
        public string InstitutionIdsJson { get; set; } = "[]";
        public string Rationale { get; set; } = "";
        public int Version { get; set; }
        public string UpdatedBy { get; set; } = "";
        public DateTimeOffset UpdatedAt { get; set; }

        public DeepDiveSelection ToSelection() => new(RoundId, InstitutionType, Ids(InstitutionIdsJson), Rationale, Version, UpdatedBy, UpdatedAt);
    }

    private sealed class RecordRow
    {
        public const string DatePattern = "yyyy-MM-dd";

        public string Id { get; set; } = "";
        public string RoundId { get; set; } = "";
        public string InstitutionType { get; set; } = "";
        public string InstitutionId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string HeldOn { get; set; } = "";
        public string RolesJson { get; set; } = "[]";
        public string NotesJson { get; set; } = "[]";
        public string? NotablePractices { get; set; }
        public int Version { get; set; }
        public string UpdatedBy { get; set; } = "";
        public DateTimeOffset UpdatedAt { get; set; }

        public DeepDiveRecord ToRecord() => new(Id, RoundId, InstitutionType, InstitutionId,
            DeepDiveKinds.TryParse(Kind, out var kind) ? kind : throw new InvalidOperationException($"Deep-dive record '{Id}' has unknown kind '{Kind}'."),
            DateOnly.ParseExact(HeldOn, DatePattern, CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<List<string>>(RolesJson, Json) ?? [],
            JsonSerializer.Deserialize<List<DeepDiveNote>>(NotesJson, Json) ?? [],
            NotablePractices, Version, UpdatedBy, UpdatedAt);
    }

    private sealed class SelectionCountRow
    {
        public string InstitutionType { get; set; } = "";
        public string InstitutionIdsJson { get; set; } = "[]";
    }

    private sealed class KindCountRow
    {
        public string InstitutionType { get; set; } = "";
        public string Kind { get; set; } = "";
        public long Count { get; set; }
    }
}
