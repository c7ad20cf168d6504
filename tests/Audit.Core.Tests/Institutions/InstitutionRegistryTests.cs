using Audit.Core.Institutions;

namespace Audit.Core.Tests.Institutions;

[TestClass]
public sealed class InstitutionRegistryTests
{
    private const string Header = "id;name;type;city;brin";

    private static RegistryParseResult Shipped() =>
        InstitutionRegistry.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "registry", "institutions.csv")));

    [TestMethod]
    public void The_shipped_registry_is_valid_with_the_expected_number_per_type()
    {
        var result = Shipped();

        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var counts = result.Institutions.GroupBy(i => i.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.AreEqual(14, counts[InstitutionType.Universiteit]);
        Assert.AreEqual(36, counts[InstitutionType.Hogeschool]);
        Assert.AreEqual(9, counts[InstitutionType.NwoInstituut]);
        Assert.AreEqual(13, counts[InstitutionType.KnawInstituut]);
        Assert.AreEqual(5, counts[InstitutionType.To2Instituut]);
        Assert.AreEqual(7, counts[InstitutionType.Umc]);
        Assert.IsFalse(counts.ContainsKey(InstitutionType.Overig));
        Assert.IsTrue(result.Institutions.All(i => i.Active));
    }

    [TestMethod]
    [DataRow(InstitutionType.Universiteit, "eur leiden um ou ru rug tudelft tue tiu ut uu uva vu wur")]
    [DataRow(InstitutionType.NwoInstituut, "amolf arcnl astron cwi differ nikhef nioz nscr sron")]
    [DataRow(InstitutionType.KnawInstituut, "hubrecht huygens iisg kitlv meertens nias nidi nin niod nioo westerdijk dans rathenau")]
    [DataRow(InstitutionType.To2Instituut, "tno deltares marin nlr wr")]
    [DataRow(InstitutionType.Umc, "amsterdamumc erasmusmc lumc mumc umcg radboudumc umcu")]
    public void The_shipped_registry_holds_exactly_the_named_institutions_of_a_type(InstitutionType type, string ids)
    {
        var actual = Shipped().Institutions.Where(i => i.Type == type).Select(i => i.Id).Order(StringComparer.Ordinal).ToList();

        Assert.AreSequenceEqual(ids.Split(' ').Order(StringComparer.Ordinal).ToList(), actual);
    }

    [TestMethod]
    public void A_valid_file_parses_with_trimmed_values_and_empty_optionals_as_null()
    {
        var result = InstitutionRegistry.Parse("\uFEFF" + Header + "\r\nuva; Universiteit van Amsterdam ;universiteit;Amsterdam;21PK\r\n\r\nnioz;NIOZ;nwo_instituut;;\r\n");

        Assert.IsTrue(result.IsValid, string.Join("; ", result.Errors));
        Assert.AreSequenceEqual(
            new[]
            {
                new Institution("uva", "Universiteit van Amsterdam", InstitutionType.Universiteit, "Amsterdam", "21PK"),
                new Institution("nioz", "NIOZ", InstitutionType.NwoInstituut),
            },
            result.Institutions.ToList());
    }

    [TestMethod]
    [DataRow("id,name,type,city,brin\nuva;UvA;universiteit;;", 1, null, "header")]
    [DataRow(Header + "\nuva;UvA;universiteit;", 2, null, "expected 5 values")]
    [DataRow(Header + "\nuva;UvA;planeet;;", 2, "type", "not a known type")]
    [DataRow(Header + "\nUvA;UvA;universiteit;;", 2, "id", "lowercase")]
    [DataRow(Header + "\nuva;;universiteit;;", 2, "name", "is required")]
    [DataRow(Header + "\nuva;UvA;universiteit;;21pk", 2, "brin", "two digits")]
    [DataRow(Header + "\nuva;\"UvA\";universiteit;;", 2, null, "quoting")]
    [DataRow(Header + "\nuva;UvA;universiteit;;\nuva;UvA 2;universiteit;;", 3, "id", "duplicate id 'uva' (first used on line 2)")]
    [DataRow(Header + "\nuva;UvA;universiteit;;21PK\nvu;VU;universiteit;;21PK", 3, "brin", "duplicate brin")]
    public void A_broken_file_reports_the_line_and_field_and_yields_no_institutions(string text, int line, string? field, string message)
    {
        var result = InstitutionRegistry.Parse(text);

        Assert.IsFalse(result.IsValid);
        Assert.IsEmpty(result.Institutions);
        var error = result.Errors.FirstOrDefault(e => e.Line == line && e.Field == field);
        Assert.IsNotNull(error, string.Join("; ", result.Errors));
        Assert.Contains(message, error.Message);
    }

    [TestMethod]
    public void Every_error_is_reported_at_once()
    {
        var result = InstitutionRegistry.Parse(Header + "\nok;Goed;umc;;\nBAD;Fout;planeet;;\nx;;umc;;99\n");

        Assert.AreSequenceEqual(
            new[] { (3, "id"), (3, "type"), (4, "name"), (4, "brin") },
            result.Errors.Select(e => (e.Line, e.Field ?? "")).ToList());
        Assert.IsEmpty(result.Institutions);
    }
}
