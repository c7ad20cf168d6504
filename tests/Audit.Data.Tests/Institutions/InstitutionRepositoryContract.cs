using Audit.Core.Institutions;
using Audit.Core.Paging;
using Audit.Data.Connections;
using Audit.Data.Institutions;
using Audit.Data.Seeding;
using Audit.TestSupport;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Institutions;

/// <summary>The institution registry behaves the same on every engine.</summary>
public abstract class InstitutionRepositoryContract : EngineTestBase
{
    private InstitutionRepository Institutions => new(Factory);

    [TestMethod]
    public async Task The_shipped_registry_seeds_the_expected_number_per_type_and_a_second_seed_changes_nothing()
    {
        // Its own database: the counts must not see institutions other tests insert.
        await using var db = await TestDatabase.CreateAsync(Provider);
        var repository = new InstitutionRepository(db.Factory);

        var inserted = await InstitutionRegistryFile.SeedAsync(repository, InstitutionRegistryFile.DefaultPath, Tester, Now);

        Assert.HasCount(84, inserted);
        var expected = new Dictionary<InstitutionType, long>
        {
            [InstitutionType.Universiteit] = 14,
            [InstitutionType.Hogeschool] = 36,
            [InstitutionType.NwoInstituut] = 9,
            [InstitutionType.KnawInstituut] = 13,
            [InstitutionType.To2Instituut] = 5,
            [InstitutionType.Umc] = 7,
            [InstitutionType.Overig] = 0,
        };
        foreach (var (type, count) in expected)
        {
            var page = await repository.ListAsync(new InstitutionQuery(Type: type), new PageRequest(1, 10));
            Assert.AreEqual(count, page.Total, type.ToWireName());
        }
        Assert.AreEqual(new Institution("uva", "Universiteit van Amsterdam", InstitutionType.Universiteit, "Amsterdam", "21PK"),
            await repository.GetAsync("uva"));

        // An administrator's rename and deactivation survive the seed that runs on every start.
        var renamed = new Institution("uva", "UvA (hernoemd)", InstitutionType.Universiteit, "Amsterdam", "21PK", Active: false);
        Assert.IsTrue(await repository.UpdateAsync(renamed, Change("institution.updated", "institution", "uva")));
        Assert.IsEmpty(await InstitutionRegistryFile.SeedAsync(repository, InstitutionRegistryFile.DefaultPath, Tester, Now.AddDays(1)));
        Assert.AreEqual(renamed, await repository.GetAsync("uva"));
        Assert.AreEqual(1, await AuditEventsAsync(db.Factory, "uva", "institution.seeded"));
    }

    [TestMethod]
    public async Task A_broken_registry_file_is_refused_with_its_line_numbers_and_seeds_nothing()
    {
        var path = Path.Combine(Path.GetTempPath(), NewId("registry") + ".csv");
        await File.WriteAllTextAsync(path, "id;name;type;city;brin\nok1;Goed;umc;;\nBAD;Fout;planeet;;\n");
        try
        {
            var ex = await Assert.ThrowsExactlyAsync<InvalidDataException>(
                () => InstitutionRegistryFile.SeedAsync(Institutions, path, Tester, Now));
            Assert.Contains("line 3", ex.Message);
            Assert.IsNull(await Institutions.GetAsync("ok1"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public async Task An_institution_round_trips_and_a_taken_id_is_refused_without_an_audit_event()
    {
        var institution = new Institution(NewId("i"), "Hogeschool Tëst", InstitutionType.Hogeschool, null, "99XX");
        Assert.IsTrue(await Institutions.InsertAsync(institution, Change("institution.created", "institution", institution.Id)));

        var clash = institution with { Name = "Other" };
        Assert.IsFalse(await Institutions.InsertAsync(clash, Change("institution.created", "institution", institution.Id)));

        Assert.AreEqual(institution, await Institutions.GetAsync(institution.Id));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, institution.Id));
        Assert.IsNull(await Institutions.GetAsync(NewId("missing")));
    }

    [TestMethod]
    public async Task Update_renames_moves_and_deactivates_but_an_unknown_id_is_refused()
    {
        var institution = await NewInstitutionAsync(Factory, InstitutionType.KnawInstituut);

        var changed = institution with { Name = "Nieuwe naam", City = null, Brin = "12AB", Active = false };
        Assert.IsTrue(await Institutions.UpdateAsync(changed, Change("institution.updated", "institution", institution.Id)));
        Assert.AreEqual(changed, await Institutions.GetAsync(institution.Id));

        var unknown = changed with { Id = NewId("missing") };
        Assert.IsFalse(await Institutions.UpdateAsync(unknown, Change("institution.updated", "institution", unknown.Id)));
        Assert.AreEqual(0, await AuditEventsAsync(Factory, unknown.Id));
    }

    [TestMethod]
    public async Task List_filters_by_type_and_active_and_pages_in_id_order()
    {
        await using var db = await TestDatabase.CreateAsync(Provider);
        var repository = new InstitutionRepository(db.Factory);
        for (var i = 1; i <= 7; i++)
        {
            var type = i <= 5 ? InstitutionType.Hogeschool : InstitutionType.Umc;
            Assert.IsTrue(await repository.InsertAsync(
                new Institution($"h{i:00}", $"Instelling {i}", type, Active: i != 2),
                Change("institution.created", "institution", $"h{i:00}")));
        }

        var page = await repository.ListAsync(new InstitutionQuery(InstitutionType.Hogeschool), new PageRequest(Page: 2, PageSize: 2));
        Assert.AreSequenceEqual(new[] { "h03", "h04" }, page.Items.Select(i => i.Id).ToList());
        Assert.AreEqual(5, page.Total);
        Assert.AreEqual(2, page.PageNumber);

        var active = await repository.ListAsync(new InstitutionQuery(InstitutionType.Hogeschool, Active: true), new PageRequest());
        Assert.AreSequenceEqual(new[] { "h01", "h03", "h04", "h05" }, active.Items.Select(i => i.Id).ToList());

        var inactive = await repository.ListAsync(new InstitutionQuery(Active: false), new PageRequest());
        Assert.AreSequenceEqual(new[] { "h02" }, inactive.Items.Select(i => i.Id).ToList());

        var all = await repository.ListAsync(new InstitutionQuery(), new PageRequest(Page: 3, PageSize: 3));
        Assert.AreSequenceEqual(new[] { "h07" }, all.Items.Select(i => i.Id).ToList());
        Assert.AreEqual(7, all.Total);
    }
}

[TestClass]
public sealed class SqliteInstitutionRepositoryTests : InstitutionRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresInstitutionRepositoryTests : InstitutionRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerInstitutionRepositoryTests : InstitutionRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
