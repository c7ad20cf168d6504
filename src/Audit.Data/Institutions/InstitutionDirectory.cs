using Audit.Core.Access;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Data.Access;
using Audit.Data.Rounds;

namespace Audit.Data.Institutions;

public sealed class InstitutionDirectory(IDbConnectionFactory factory) : IInstitutionDirectory
{
    private readonly InstitutionDirectorySql _sql = new(factory.Dialect);

    public async Task<IReadOnlyList<User>> ContactsAsync(string institutionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(_sql.Contacts,
            new { institutionId, role = Roles.Respondent }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToUser()).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> ActiveContactCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(_sql.ActiveContactCounts,
            new { role = Roles.Respondent, active = true }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.InstitutionId, r => (int)r.Contacts, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<InstitutionParticipation>> ParticipationsAsync(string institutionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ParticipationRow>(new CommandDefinition(_sql.Participations,
            new { institutionId }, cancellationToken: cancellationToken));
        return rows.Select(r => new InstitutionParticipation(r.ParticipationId, r.RoundId, r.RoundTitle,
            StatusChanges.ParseRound(r.RoundStatus), StatusChanges.ParseParticipation(r.Status), r.ClosesAt)).ToList();
    }

    public async Task<IReadOnlyList<Institution>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InstitutionRow>(new CommandDefinition(_sql.All, cancellationToken: cancellationToken));
        return rows.Select(r => new Institution(r.Id, r.Name, InstitutionRepository.ParseType(r.Type, r.Id), r.City, r.Brin, r.Active)).ToList();
    }

    public Task<bool> ApplyInstitutionsAsync(
        IReadOnlyList<Institution> created, IReadOnlyList<Institution> updated, IReadOnlyList<AuditEvent> audits, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            foreach (var (institution, sql) in created.Select(i => (i, _sql.InsertInstitution)).Concat(updated.Select(i => (i, _sql.UpdateInstitution))))
            {
                var parameters = new
                {
                    id = institution.Id, name = institution.Name, type = institution.Type.ToWireName(), city = institution.City,
                    brin = institution.Brin, active = institution.Active, created_at = now, updated_at = now,
                };
                if (await c.ExecuteAsync(new CommandDefinition(sql, parameters, t, cancellationToken: cancellationToken)) != 1)
                {
                    return (false, false);
                }
            }
            await WriteAuditAsync(c, t, audits, cancellationToken);
            return (true, true);
        }, cancellationToken);

    public Task<bool> ApplyContactsAsync(
        IReadOnlyList<User> created, IReadOnlyList<User> renamed, IReadOnlyList<AuditEvent> audits, CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            foreach (var (user, sql) in created.Select(u => (u, _sql.InsertContact)).Concat(renamed.Select(u => (u, _sql.RenameContact))))
            {
                var parameters = new
                {
                    id = user.Id, name = user.Name, email = UserRepository.NormaliseEmail(user.Email), role = user.Role.ToWireName(),
                    institution_id = user.InstitutionId, active = user.Active, created_at = user.CreatedAt,
                };
                if (await c.ExecuteAsync(new CommandDefinition(sql, parameters, t, cancellationToken: cancellationToken)) != 1)
                {
                    return (false, false);
                }
            }
            await WriteAuditAsync(c, t, audits, cancellationToken);
            return (true, true);
        }, cancellationToken);

    private static async Task WriteAuditAsync(DbConnection c, DbTransaction t, IReadOnlyList<AuditEvent> audits, CancellationToken cancellationToken)
    {
        foreach (var audit in audits)
        {
            await AuditEventRepository.WriteAsync(c, t, audit, cancellationToken);
        }
    }

    private sealed class CountRow
    {
        public string InstitutionId { get; set; } = "";
        public long Contacts { get; set; }
    }

    private sealed class ParticipationRow
    {
        public string ParticipationId { get; set; } = "";
        public string RoundId { get; set; } = "";
        public string RoundTitle { get; set; } = "";
        public string RoundStatus { get; set; } = "";
        public string Status { get; set; } = "";
        public DateTimeOffset ClosesAt { get; set; }
    }

    private sealed class InstitutionRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public string? City { get; set; }
        public string? Brin { get; set; }
        public bool Active { get; set; }
    }
}
