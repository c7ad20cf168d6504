using System.Text;
using Audit.Core.Access;
using Audit.Core.Institutions;
using Audit.Core.Institutions.Imports;

namespace Audit.Core.Tests.Institutions;

[TestClass]
public sealed class ImportPlanTests
{
    private static readonly Institution Uva = new("uva", "Universiteit van Amsterdam", InstitutionType.Universiteit, "Amsterdam", "21PK");

    private static readonly Dictionary<string, Institution> Registry = new() { ["uva"] = Uva, ["vu"] = new("vu", "VU", InstitutionType.Universiteit, null, "21PL") };

    private static CsvFile Read(string text) => CsvText.Read(Encoding.UTF8.GetBytes(text));

    private static User Respondent(string id, string email, string institutionId, string name = "Anna") =>
        new(id, name, email, Role.Respondent, institutionId, true, DateTimeOffset.UnixEpoch);

    private static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "examples", name));

    [TestMethod]
    public void The_separator_is_the_headers_and_quotes_may_hold_it()
    {
        var semicolons = Read("\uFEFFid;name\r\na;\"b; \"\"c\"\"\"\r\n");
        var commas = Read("id,name\na,\"Noord, Zwolle\"\n\n");

        Assert.AreSequenceEqual(new[] { "a", "b; \"c\"" }, semicolons.Lines[0].Values.ToList());
        Assert.AreSequenceEqual(new[] { "a", "Noord, Zwolle" }, commas.Lines[0].Values.ToList());
        Assert.HasCount(1, commas.Lines, "blank lines carry no data");
        Assert.AreEqual(2, commas.Lines[0].Line);
    }

    [TestMethod]
    public void A_line_that_is_not_utf8_is_an_error_of_that_line_only()
    {
        var bytes = Encoding.UTF8.GetBytes("institutionId;name;email\nuva;Anna;anna@uva.nl\n").Concat(new byte[] { 0x76, 0x75, 0x3B, 0xE9, 0x3B, 0x78, 0x0A }).ToArray();

        var file = CsvText.Read(bytes);

        Assert.IsNull(file.Lines[0].Error);
        Assert.Contains("UTF-8", file.Lines[1].Error!);
        Assert.AreEqual(3, file.Lines[1].Line);
    }

    [TestMethod]
    public void Institutions_are_created_updated_or_unchanged_by_id()
    {
        var (report, changes) = InstitutionImport.Plan(Read(
            "id;name;type;brin;city\nuva;Universiteit van Amsterdam;universiteit;21PK;Amsterdam\nvu;Vrije Universiteit;universiteit;21PL;\nnieuw-umc;Nieuw;umc;;Delft\n"), Registry);

        Assert.AreSequenceEqual(new[] { ImportOutcome.Unchanged, ImportOutcome.Updated, ImportOutcome.Created }, report.Lines.Select(l => l.Outcome).ToList());
        Assert.AreSequenceEqual(new[] { "vu", "nieuw-umc" }, changes.Select(c => c.Imported.Id).ToList());
        Assert.AreEqual((1, 1, 1, 0), (report.Created, report.Updated, report.Unchanged, report.Errors));
    }

    [TestMethod]
    public void Every_error_of_every_line_is_reported_and_nothing_is_planned_for_those_lines()
    {
        var (report, changes) = InstitutionImport.Plan(Read(
            "id;name;type;brin;city\nBad Id;;school;x;\nok;Goed;umc;21PL;\nok;Nog eens;umc;;\nkort;Kort\n"), Registry);

        var errors = report.Lines.ToDictionary(l => l.Line, l => l.Errors);
        Assert.HasCount(4, errors[2], string.Join(" | ", errors[2]));
        Assert.Contains("belongs to institution 'vu'", errors[3].Single());
        Assert.Contains("also on line 3", errors[4].Single());
        Assert.Contains("expected 5 values", errors[5].Single());
        Assert.AreEqual(4, report.Errors);
        Assert.IsEmpty(changes);
    }

    [TestMethod]
    [DataRow("id;name;type;brin")]
    [DataRow("id;name;type;brin;city;extra")]
    [DataRow("")]
    public void A_wrong_header_is_one_error_on_line_1(string header)
    {
        var (report, changes) = InstitutionImport.Plan(Read(header + "\nuva;UvA;universiteit;21PK;Amsterdam\n"), Registry);

        Assert.AreEqual(1, report.Lines.Single().Line);
        Assert.AreEqual(ImportOutcome.Error, report.Lines.Single().Outcome);
        Assert.IsEmpty(changes);
    }

    [TestMethod]
    public void Contacts_are_matched_by_address_within_the_institution()
    {
        var users = new[]
        {
            Respondent("u1", "anna@uva.nl", "uva"),
            Respondent("u2", "bram@vu.nl", "vu"),
            new User("u3", "Admin", "admin@bureau.nl", Role.Admin, null, true, DateTimeOffset.UnixEpoch),
        };
        var (report, changes) = ContactImport.Plan(Read(
            "institutionId,name,email\nuva,Anna,ANNA@uva.nl\nuva,Anna Jansen,anna@uva.nl\nuva,Bram,bram@vu.nl\nuva,Beheer,admin@bureau.nl\n" +
            "onbekend,Iemand,iemand@x.nl\nvu,Nieuw,nieuw@vu.nl\nvu,,geen-adres\n"), new HashSet<string> { "uva", "vu" }, users);

        var byLine = report.Lines.ToDictionary(l => l.Line);
        Assert.AreEqual(ImportOutcome.Unchanged, byLine[2].Outcome);
        Assert.AreEqual("u1", byLine[2].Id);
        Assert.Contains("also on line 2", byLine[3].Errors.Single());
        Assert.Contains("not a contact of 'uva'", byLine[4].Errors.Single());
        Assert.Contains("not a contact of 'uva'", byLine[5].Errors.Single());
        Assert.Contains("institution 'onbekend' does not exist", byLine[6].Errors.Single());
        Assert.AreEqual(ImportOutcome.Created, byLine[7].Outcome);
        Assert.HasCount(2, byLine[8].Errors);
        Assert.AreEqual("nieuw@vu.nl", changes.Single().Email);
    }

    [TestMethod]
    public void The_example_files_import_cleanly()
    {
        var registry = InstitutionRegistry.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "registry", "institutions.csv")))
            .Institutions.ToDictionary(i => i.Id);

        var (institutions, _) = InstitutionImport.Plan(Read(Example("institutions.csv")), registry);
        var (contacts, _) = ContactImport.Plan(Read(Example("contacts.csv")), registry.Keys.ToHashSet(), []);

        Assert.AreEqual(0, institutions.Errors, string.Join(" | ", institutions.Lines.SelectMany(l => l.Errors)));
        Assert.AreEqual(ImportOutcome.Unchanged, institutions.Lines[0].Outcome);
        Assert.AreEqual(14, contacts.Created, string.Join(" | ", contacts.Lines.SelectMany(l => l.Errors)));
    }
}
