using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Audit.Core.Disclosure;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Core.Statistics;
using static Audit.Core.Tests.SectorViews.SectorViewFixture;

namespace Audit.Core.Tests.SectorViews;

/// <summary>
/// The exact bytes of a small fixed view, internal and published. The golden files are indented for review;
/// the comparison is on the compact form, with numbers as written (so 0.0 and 3 are checked literally).
/// To accept a deliberate change: AUDIT_UPDATE_GOLDEN=1 dotnet test --project tests/Audit.Core.Tests, then
/// review the diff of SectorViews/Golden/*.json.
/// </summary>
[TestClass]
public sealed class GoldenJsonTests
{
    /// <summary>With k = 3, so the view mixes published, too_few_answers, threshold and secondary figures.</summary>
    public static readonly DisclosureSettings SmallGroups = new(MinGroupSize: 3);

    /// <summary>
    /// Five institutions answering every question type (p2's policy_maturity is hidden), against a baseline
    /// of three.
    /// </summary>
    public static SectorView SmallView() => Compute(
    [
        Participation("p1", """
            {"governance.maturity": 3, "governance.policy": "yes", "governance.policy_maturity": 4,
             "risk.maturity": 2, "risk.partners": 12.5, "risk.screening": "full", "risk.countries": ["cn", "ru"],
             "risk.outcomes": {"cn": {"approved": 3, "declined": 1}}, "risk.notes": "geheim"}
            """),
        Participation("p2", """
            {"governance.maturity": 2, "governance.policy": "no", "governance.policy_maturity": 5,
             "risk.maturity": 3, "risk.partners": 8, "risk.screening": "partial", "risk.countries": ["cn"],
             "risk.outcomes": {"cn": {"approved": 2}, "ru": {"declined": 4}}}
            """),
        Participation("p3", """
            {"governance.maturity": "not_applicable", "governance.policy": "yes", "governance.policy_maturity": 3,
             "risk.maturity": 4, "risk.partners": 10, "risk.screening": "full", "risk.countries": [],
             "risk.outcomes": {"cn": {"approved": 5}}}
            """),
        Participation("p4", """
            {"governance.maturity": 4, "governance.policy": "yes", "governance.policy_maturity": 2,
             "risk.maturity": 1, "risk.partners": 20, "risk.screening": "none", "risk.countries": ["ir"],
             "risk.outcomes": {"cn": {"approved": 1}, "ru": {"approved": 2}}}
            """),
        Participation("p5", """
            {"governance.maturity": 5, "governance.policy": "not_applicable",
             "risk.maturity": 3, "risk.partners": 0, "risk.screening": "full", "risk.countries": ["cn"],
             "risk.outcomes": {}, "risk.notes": "x"}
            """),
    ],
    SmallGroups,
    baseline: Compute(
    [
        Participation("b1", """{"governance.maturity": 2, "governance.policy": "yes", "risk.maturity": 1, "risk.partners": 5}"""),
        Participation("b2", """{"governance.maturity": 3, "governance.policy": "no", "risk.maturity": 2, "risk.partners": 6}"""),
        Participation("b3", """{"governance.maturity": 3, "governance.policy": "yes", "risk.maturity": 2, "risk.partners": 7}"""),
    ],
    SmallGroups,
    scope: Scope(new ResponseCounts(3, 0, 0, 0, 3), roundId: "2023-universiteiten")));

    [TestMethod]
    public void The_internal_view_matches_its_golden_file() =>
        AssertGolden("small-view.internal.json", SmallView());

    [TestMethod]
    public void The_published_view_matches_its_golden_file() =>
        AssertGolden("small-view.published.json", PublishedForm.Of(SmallView()));

    private static void AssertGolden(string name, SectorView view, [CallerFilePath] string sourceFile = "")
    {
        var actual = SectorViewJson.Serialize(view);
        if (Environment.GetEnvironmentVariable("AUDIT_UPDATE_GOLDEN") == "1")
        {
            var target = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Golden", name);
            File.WriteAllText(target, Indented(actual) + "\n");
        }
        var expected = Compact(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SectorViews", "Golden", name)));
        Assert.AreEqual(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
    }

    private static string Indented(byte[] json) => Rewrite(json, indented: true);

    private static byte[] Compact(string json) => Encoding.UTF8.GetBytes(Rewrite(Encoding.UTF8.GetBytes(json), indented: false));

    private static string Rewrite(byte[] json, bool indented)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            document.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
