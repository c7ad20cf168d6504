using Audit.Core.Access;
using Audit.Data.Connections;
using Audit.Core.Institutions;
using Audit.Core.Paging;
using Audit.Core.Rounds;
using Audit.Data.Access;
using Audit.Data.Institutions;
using Audit.Data.Rounds;
using Audit.TestSupport;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Institutions;

/// <summary>An institution's contacts, participations and the all-or-nothing imports behave the same on every engine.</summary>
public abstract class InstitutionDirectoryContract : EngineTestBase
{
    private InstitutionDirectory Directory => new(Factory);

    private User Respondent(string institutionId, string name, bool active = true) =>
        new(NewId("u_"), name, NewId("c") + "@Test.NL", Role.Respondent, institutionId, active, Now);

    [TestMethod]
    public async Task Contacts_are_the_institutions_respondents_and_counts_take_only_the_active()
    {
        var institution = await NewInstitutionAsync(Factory);
        var other = await NewInstitutionAsync(Factory);
        var users = new UserRepository(Factory);
        var bea = Respondent(institution.Id, "Bea");
        var ad = Respondent(institution.Id, "Ad", active: false);
        foreach (var user in new[] { bea, ad, Respondent(other.Id, "Cor") })
        {
            Assert.IsTrue(await users.InsertAsync(user, Change("user.created", "user", user.Id)));
        }

        var contacts = await Directory.ContactsAsync(institution.Id);

        Assert.AreSequenceEqual(new[] { "Ad", "Bea" }, contacts.Select(c => c.Name).ToList());
        Assert.AreEqual(bea.Email.ToLowerInvariant(), contacts[1].Email, "addresses are stored lower-case");
        var counts = await Directory.ActiveContactCountsAsync();
        Assert.AreEqual(1, counts[institution.Id]);
        Assert.AreEqual(1, counts[other.Id]);
    }

    [TestMethod]
    public async Task Participations_name_their_round_and_status()
    {
        var institution = await NewInstitutionAsync(Factory);
        var round = await NewStoredRoundAsync(Factory);
        await new ParticipationRepository(Factory).InviteAsync(round.Id, [institution.Id], Tester, Now);

        var participations = await Directory.ParticipationsAsync(institution.Id);

        Assert.HasCount(1, participations);
        Assert.AreEqual(round.Id, participations[0].RoundId);
        Assert.AreEqual(round.Title, participations[0].RoundTitle);
        Assert.AreEqual(RoundStatus.Draft, participations[0].RoundStatus);
        Assert.AreEqual(ParticipationStatus.Invited, participations[0].Status);
        Assert.AreEqual(round.ClosesAt, participations[0].ClosesAt);
    }

    [TestMethod]
    public async Task An_institution_import_writes_all_changes_with_their_events_or_nothing()
    {
        var existing = await NewInstitutionAsync(Factory);
        var created = new Institution(NewId("i"), "Nieuw instituut", InstitutionType.NwoInstituut, "Leiden", "98ZZ");
        var renamed = existing with { Name = "Hernoemd", Brin = "97YY" };

        Assert.IsTrue(await Directory.ApplyInstitutionsAsync([created], [renamed],
            [Change("institution.created", "institution", created.Id), Change("institution.updated", "institution", existing.Id)], Now));

        var repository = new InstitutionRepository(Factory);
        Assert.AreEqual(created, await repository.GetAsync(created.Id));
        Assert.AreEqual(renamed, await repository.GetAsync(existing.Id));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, created.Id, "institution.created"));

        // A taken id (someone added it meanwhile) rolls back the whole import, its other lines and events included.
        var another = new Institution(NewId("i"), "Nog een", InstitutionType.Umc);
        Assert.IsFalse(await Directory.ApplyInstitutionsAsync([another, created with { Name = "Dubbel" }], [],
            [Change("institution.created", "institution", another.Id)], Now));
        Assert.IsNull(await repository.GetAsync(another.Id));
        Assert.AreEqual(0, await AuditEventsAsync(Factory, another.Id));
        Assert.AreEqual(created, await repository.GetAsync(created.Id));
    }

    [TestMethod]
    public async Task A_contact_import_writes_all_changes_or_nothing_when_an_address_is_taken()
    {
        var institution = await NewInstitutionAsync(Factory);
        var users = new UserRepository(Factory);
        var kees = Respondent(institution.Id, "Kees");
        Assert.IsTrue(await users.InsertAsync(kees, Change("user.created", "user", kees.Id)));
        var fenna = Respondent(institution.Id, "Fenna");

        Assert.IsTrue(await Directory.ApplyContactsAsync([fenna], [kees with { Name = "Kees de Boer" }],
            [Change("user.created", "user", fenna.Id), Change("user.updated", "user", kees.Id)]));

        Assert.AreEqual("Kees de Boer", (await users.GetAsync(kees.Id))!.Name);
        Assert.AreEqual(fenna.Email.ToLowerInvariant(), (await users.GetAsync(fenna.Id))!.Email);

        var late = Respondent(institution.Id, "Laat");
        var clash = Respondent(institution.Id, "Kopie") with { Email = fenna.Email };
        Assert.IsFalse(await Directory.ApplyContactsAsync([late, clash], [], [Change("user.created", "user", late.Id)]));
        Assert.IsNull(await users.GetAsync(late.Id));
        Assert.AreEqual(0, await AuditEventsAsync(Factory, late.Id));
    }

    [TestMethod]
    public async Task The_registry_is_searched_by_part_of_the_name_in_any_case_with_wildcards_taken_literally()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var repository = new InstitutionRepository(Factory);
        foreach (var (id, name) in new[] { ("a", $"Hogeschool {marker} Zuid"), ("b", $"HOGESCHOOL {marker.ToUpperInvariant()} Noord"), ("c", $"Instituut {marker}_100%") })
        {
            Assert.IsTrue(await repository.InsertAsync(new Institution(NewId(id), name, InstitutionType.Hogeschool), Change("institution.created", "institution", id)));
        }

        var both = await repository.ListAsync(new InstitutionQuery(Name: $"hogeschool {marker}"), new PageRequest(1, 10));
        var literal = await repository.ListAsync(new InstitutionQuery(Name: $"{marker}_100%"), new PageRequest(1, 10));
        var wildcard = await repository.ListAsync(new InstitutionQuery(Name: $"{marker}%zuid"), new PageRequest(1, 10));

        Assert.AreEqual(2, both.Total);
        Assert.AreEqual(1, literal.Total);
        Assert.AreEqual(0, wildcard.Total, "a % in the search is a character, not a wildcard");
    }
}

[TestClass]
public sealed class SqliteInstitutionDirectoryTests : InstitutionDirectoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresInstitutionDirectoryTests : InstitutionDirectoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerInstitutionDirectoryTests : InstitutionDirectoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
