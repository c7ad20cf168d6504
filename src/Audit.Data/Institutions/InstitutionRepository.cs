using Audit.Core.Institutions;
using Audit.Core.Paging;
using Audit.Data.Paging;

namespace Audit.Data.Institutions;

public sealed class InstitutionRepository(IDbConnectionFactory factory) : IInstitutionRepository
{
    private readonly InstitutionSql _sql = new(factory.Dialect);

    public Task<Page<Institution>> ListAsync(InstitutionQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var filter = new SqlFilter();
        if (query.Type is { } type)
        {
            filter.Add("type = @type", "type", type.ToWireName());
        }
        if (query.Active is { } active)
        {
            filter.Add("active = @active", "active", active);
        }
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            filter.Add(InstitutionSql.NameContains, "name", InstitutionSql.ContainsPattern(query.Name));
        }
        return PagedQuery.ReadAsync<InstitutionRow, Institution>(factory, _sql.Count + filter.Where, _sql.Select + filter.Where + _sql.Page(page.Offset, page.Limit),
            filter.Parameters, page, r => r.ToInstitution(), cancellationToken);
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
