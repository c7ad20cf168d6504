using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Audit.Reports.Tests;

/// <summary>The loader reads from templates/ and nothing else: no absolute names, no "..", no links leading out.</summary>
[TestClass]
public sealed class TemplateLoaderTests
{
    [TestMethod]
    [DataRow("../secret")]
    [DataRow("reports/../../etc/passwd")]
    [DataRow("reports/./feedback")]
    [DataRow("reports//feedback")]
    [DataRow("..\\secret")]
    [DataRow("/etc/passwd")]
    [DataRow("\\\\server\\share\\x")]
    [DataRow("C:\\Windows\\win.ini")]
    [DataRow("file:///etc/passwd")]
    [DataRow("")]
    [DataRow(" ")]
    [DataRow("reports/a\0b")]
    public void Malformed_absolute_and_escaping_names_are_refused(string name) =>
        Assert.ThrowsExactly<TemplateAccessException>(() => ConfinedTemplateLoader.ToKey(name));

    [TestMethod]
    public void Names_become_root_relative_keys_with_the_template_extension()
    {
        Assert.AreEqual("reports/_method.scriban-html", ConfinedTemplateLoader.ToKey("reports/_method"));
        Assert.AreEqual("reports/_method.scriban-html", ConfinedTemplateLoader.ToKey("reports\\_method.scriban-html"));
        Assert.AreEqual("reports/i18n/nl.yaml", ConfinedTemplateLoader.ToKey("reports/i18n/nl.yaml"));
    }

    [TestMethod]
    public void Scriban_include_resolution_reports_a_refusal_at_the_include()
    {
        using var folder = TemplateFolders.Scratch(new Dictionary<string, string>());
        ITemplateLoader loader = new ConfinedTemplateLoader(folder.Root);
        var span = new SourceSpan("reports/x.scriban-html", new TextPosition(0, 2, 4), new TextPosition(0, 2, 4));

        var error = Assert.ThrowsExactly<ScriptRuntimeException>(() => loader.GetPath(new TemplateContext(), span, "../../etc/passwd"));

        Assert.Contains("..", error.Message);
        Assert.AreEqual("reports/_layout.scriban-html", loader.GetPath(new TemplateContext(), span, "reports/_layout"));
        Assert.AreEqual("{{ content }}", loader.Load(new TemplateContext(), span, "reports/_layout.scriban-html"));
    }

    [TestMethod]
    public void A_file_link_leading_out_of_the_root_is_refused()
    {
        using var outside = TemplateFolders.Scratch(new Dictionary<string, string> { ["secret.txt"] = "password" });
        using var folder = TemplateFolders.Scratch(new Dictionary<string, string>());
        File.CreateSymbolicLink(Path.Combine(folder.Root, "reports", "_evil.scriban-html"), Path.Combine(outside.Root, "secret.txt"));
        var loader = new ConfinedTemplateLoader(folder.Root);

        var error = Assert.ThrowsExactly<TemplateAccessException>(() => loader.ReadText("reports/_evil"));

        Assert.Contains("outside the template root", error.Message);
    }

    [TestMethod]
    public void A_folder_link_leading_out_of_the_root_is_refused()
    {
        using var outside = TemplateFolders.Scratch(new Dictionary<string, string> { ["reports/x.scriban-html"] = "secret" });
        using var folder = TemplateFolders.Scratch(new Dictionary<string, string>());
        Directory.CreateSymbolicLink(Path.Combine(folder.Root, "reports", "elsewhere"), Path.Combine(outside.Root, "reports"));
        var loader = new ConfinedTemplateLoader(folder.Root);

        Assert.ThrowsExactly<TemplateAccessException>(() => loader.ReadText("reports/elsewhere/x"));
    }

    [TestMethod]
    public void A_link_that_stays_inside_the_root_is_allowed()
    {
        using var folder = TemplateFolders.Scratch(new Dictionary<string, string> { ["shared/_note.scriban-html"] = "note" });
        File.CreateSymbolicLink(Path.Combine(folder.Root, "reports", "_note.scriban-html"), Path.Combine("..", "shared", "_note.scriban-html"));
        var loader = new ConfinedTemplateLoader(folder.Root);

        Assert.AreEqual("note", loader.ReadText("reports/_note"));
    }

    [TestMethod]
    public void The_root_itself_may_be_a_link()
    {
        using var folder = TemplateFolders.Scratch(new Dictionary<string, string>());
        var link = folder.Root + "-current";
        Directory.CreateSymbolicLink(link, folder.Root);
        try
        {
            Assert.AreEqual("{{ content }}", new ConfinedTemplateLoader(link).ReadText("reports/_layout"));
        }
        finally
        {
            Directory.Delete(link);
        }
    }

    [TestMethod]
    public void Line_endings_are_normalised_so_the_output_does_not_depend_on_the_checkout()
    {
        using var folder = TemplateFolders.Scratch(new Dictionary<string, string> { ["reports/crlf.scriban-html"] = "a\r\nb\r\n" });

        Assert.AreEqual("a\nb\n", new ConfinedTemplateLoader(folder.Root).ReadText("reports/crlf"));
    }
}
