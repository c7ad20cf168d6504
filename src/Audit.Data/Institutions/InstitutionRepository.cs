using Audit.Core.Institutions;
using Audit.Core.Paging;

namespace Audit.Data.Institutions;

public sealed class InstitutionRepository(IDbConnectionFactory factory) : IInstitutionRepository
{
    private readonly InstitutionSql _sql = new(factory.Dialect);

    public async Task<Page<Institution>> ListAsync(InstitutionQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        if (query.Type is { } type)
        {
            conditions.Add("type = @type");
            parameters.Add("type", type.ToWireName());
        }
        if (query.Active is { } active)
        {
            conditions.Add("active = @active");
            parameters.Add("active", active);
        }
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);

        await using var connection = await factory.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(_sql.Count + where, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<InstitutionRow>(
            new CommandDefinition(_sql.Select + where + _sql.Page(page.Offset, page.Limit), parameters, cancellationToken: cancellationToken));
        return new Page<Institution>(rows.Select(r => r.ToInstitution()).ToList(), Math.Max(1, page.Page), page.Limit, total);
    }

    public async Task<Institution?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InstitutionRow>(new CommandDefinition(_sql.Get, new { id }, cancellationToken: cancellationToken));
        return row?.ToInstitution();
    }

    public Task<bool> InsertAsync(Institution institution, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.ChangeAsync(factory, audit, async (c, t) => await InsertAsync(c, t, institution, audit.OccurredAt, cancellationToken), cancellationToken);

    public Task<bool> UpdateAsync(Institution institution, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.ChangeAsync(factory, audit, async (c, t) =>
            await c.ExecuteAsync(new CommandDefinition(_sql.Update, Parameters(institution, audit.OccurredAt), t, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public Task<IReadOnlyList<string>> SeedAsync(
        IReadOnlyList<Institution> institutions, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync<IReadOnlyList<string>>(factory, async (c, t) =>
        {
            var inserted = new List<string>();
            foreach (var institution in institutions)
            {
                if (await InsertAsync(c, t, institution, now, cancellationToken))
                {
                    inserted.Add(institution.Id);
                    await AuditEventRepository.WriteAsync(c, t,
                        actor.Did("institution.seeded", "institution", institution.Id, now, institution.Name), cancellationToken);
                }
            }
            return (true, inserted);
        }, cancellationToken);

    private async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, Institution institution, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(_sql.Insert, Parameters(institution, now), transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>The row as written at <paramref name="now"/>; the update's SQL leaves created_at out, so only an insert sets it.</summary>
    private static object Parameters(Institution institution, DateTimeOffset now) => new
    {
        id = institution.Id,
        name = institution.Name,
        type = institution.Type.ToWireName(),
        city = institution.City,
        brin = institution.Brin,
        active = institution.Active,
        created_at = now,
        updated_at = now,
    };

    internal static InstitutionType ParseType(string type, string institutionId) =>
        InstitutionTypes.TryParse(type, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"Unknown institution type '{type}' for institution {institutionId}.");

    private sealed class InstitutionRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public string? City { get; set; }
        public string? Brin { get; set; }
        public bool Active { get; set; }

        public Institution ToInstitution() => new(Id, Name, ParseType(Type, Id), City, Brin, Active);
    }
}
