using Audit.Reports.Localization;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>Start-up parses every template once and refuses to start on any problem, naming file, line and column.</summary>
[TestClass]
public sealed class TemplateCatalogTests
{
    private static TemplateCatalogException LoadFails(Dictionary<string, string> files)
    {
        using var folder = TemplateFolders.Scratch(files);
        return Assert.ThrowsExactly<TemplateCatalogException>(() => TemplateCatalog.Load(folder.Root));
    }

    [TestMethod]
    public void The_shipped_templates_load()
    {
        var catalog = TemplateCatalog.Load(TemplateFolders.Shipped);

        Assert.Contains(ReportRenderer.FeedbackTemplate, catalog.TemplateKeys);
        Assert.Contains(ReportRenderer.SectorTemplate, catalog.TemplateKeys);
        Assert.Contains(ReportRenderer.ParliamentTemplate, catalog.TemplateKeys);
        Assert.Contains(TemplateCatalog.LayoutKey, catalog.TemplateKeys);
    }

    [TestMethod]
    public void A_parse_error_names_file_line_and_column()
    {
        var error = LoadFails(new() { ["reports/broken.scriban-html"] = "<p>fine</p>\n<p>{{ x = 1 + }}</p>\n" });

        Assert.HasCount(1, error.Problems);
        // Column 15 is the "}}" where the right-hand operand was expected.
        Assert.StartsWith("reports/broken.scriban-html:2:15: ", error.Problems[0]);
        Assert.Contains("reports/broken.scriban-html:2:15:", error.Message);
    }

    [TestMethod]
    public void Every_broken_template_is_reported_at_once()
    {
        var error = LoadFails(new()
        {
            ["reports/a.scriban-html"] = "{{ if }}",
            ["reports/sub/b.scriban-html"] = "{{ end }}",
        });

        Assert.Contains(p => p.StartsWith("reports/a.scriban-html:1:", StringComparison.Ordinal), error.Problems);
        Assert.Contains(p => p.StartsWith("reports/sub/b.scriban-html:1:", StringComparison.Ordinal), error.Problems);
    }

    [TestMethod]
    public void An_include_of_a_missing_template_fails_start_up_at_the_include()
    {
        var error = LoadFails(new() { ["reports/a.scriban-html"] = "x\n  {{ include 'reports/_nope' }}" });

        Assert.HasCount(1, error.Problems);
        Assert.StartsWith("reports/a.scriban-html:2:6: includes 'reports/_nope.scriban-html'", error.Problems[0]);
    }

    [TestMethod]
    public void An_include_leaving_the_root_fails_start_up()
    {
        var error = LoadFails(new() { ["reports/a.scriban-html"] = "{{ include '../../etc/passwd' }}" });

        Assert.StartsWith("reports/a.scriban-html:1:4: ", error.Problems[0]);
        Assert.Contains("'..'", error.Problems[0]);
    }

    [TestMethod]
    public void An_include_with_a_computed_name_fails_start_up()
    {
        var error = LoadFails(new() { ["reports/a.scriban-html"] = "{{ name = 'reports/_layout' }}{{ include name }}" });

        Assert.Contains("string literal", error.Problems[0]);
    }

    [TestMethod]
    public void A_template_linked_from_outside_the_root_fails_start_up()
    {
        using var outside = TemplateFolders.Scratch(new Dictionary<string, string> { ["x.scriban-html"] = "secret" });
        using var folder = TemplateFolders.Scratch(new Dictionary<string, string>());
        File.CreateSymbolicLink(Path.Combine(folder.Root, "reports", "_evil.scriban-html"), Path.Combine(outside.Root, "x.scriban-html"));

        var error = Assert.ThrowsExactly<TemplateCatalogException>(() => TemplateCatalog.Load(folder.Root));

        Assert.StartsWith("reports/_evil.scriban-html:1:1: ", error.Problems[0]);
    }

    [TestMethod]
    public void A_text_missing_in_one_language_fails_start_up()
    {
        using var folder = TemplateFolders.Scratch(new Dictionary<string, string>());
        var en = Path.Combine(folder.Root, "reports", "i18n", "en.yaml");
        File.WriteAllText(en, File.ReadAllText(en).Replace("  contents: Contents\n", "", StringComparison.Ordinal) + "extra:\n  only_here: x\n");

        var error = Assert.ThrowsExactly<TemplateCatalogException>(() => TemplateCatalog.Load(folder.Root));

        Assert.Contains("reports/i18n/en.yaml:1:1: text 'document.contents' is defined in reports/i18n/nl.yaml but not here", error.Problems);
        Assert.Contains("reports/i18n/en.yaml:1:1: text 'extra.only_here' is not defined in reports/i18n/nl.yaml", error.Problems);
    }

    [TestMethod]
    public void A_malformed_text_file_names_its_line()
    {
        using var folder = TemplateFolders.Scratch(new Dictionary<string, string>());
        File.WriteAllText(Path.Combine(folder.Root, "reports", "i18n", "nl.yaml"), "document:\n  title: ok\n  Bad-Key: x\n");

        var error = Assert.ThrowsExactly<TemplateCatalogException>(() => TemplateCatalog.Load(folder.Root));

        Assert.Contains(p => p.StartsWith("reports/i18n/nl.yaml:3:3: text key 'Bad-Key'", StringComparison.Ordinal), error.Problems);
    }

    [TestMethod]
    public void The_template_version_covers_exactly_the_files_a_report_uses()
    {
        var files = new Dictionary<string, string>
        {
            ["reports/report.scriban-html"] = "{{ include 'reports/_used' }}",
            ["reports/_used.scriban-html"] = "used",
            ["reports/_unrelated.scriban-html"] = "unrelated",
        };
        string Version(Dictionary<string, string> changes, ReportLanguage language = ReportLanguage.Nl)
        {
            var merged = new Dictionary<string, string>(files);
            foreach (var (path, text) in changes)
            {
                merged[path] = text;
            }
            using var folder = TemplateFolders.Scratch(merged);
            return TemplateCatalog.Load(folder.Root).TemplateVersion("reports/report.scriban-html", language);
        }

        var baseline = Version([]);
        Assert.MatchesRegex("^sha256:[0-9a-f]{64}$", baseline);
        Assert.AreEqual(baseline, Version([]));
        Assert.AreEqual(baseline, Version(new() { ["reports/_unrelated.scriban-html"] = "changed" }));
        Assert.AreNotEqual(baseline, Version(new() { ["reports/_used.scriban-html"] = "changed" }));
        Assert.AreNotEqual(baseline, Version(new() { ["reports/_layout.scriban-html"] = "<main>{{ content }}</main>" }));
        Assert.AreNotEqual(baseline, Version([], ReportLanguage.En));
        // Line endings are not content: a Windows checkout has the same version.
        Assert.AreEqual(baseline, Version(new() { ["reports/report.scriban-html"] = "{{ include 'reports/_used' }}".Replace("\n", "\r\n", StringComparison.Ordinal) }));
    }
}
