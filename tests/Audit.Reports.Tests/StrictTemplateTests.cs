using Audit.Reports.Rendering;
using Audit.Reports.Tests.Support;
using Scriban.Syntax;

namespace Audit.Reports.Tests;

/// <summary>A typo in a template fails the render with its location instead of printing an empty string.</summary>
[TestClass]
public sealed class StrictTemplateTests
{
    private sealed record Model(string Name);

    [TestMethod]
    public void A_misspelled_variable_is_an_error()
    {
        var error = Assert.ThrowsExactly<ScriptRuntimeException>(() => Renders.Template("ok\n{{ reprot.name }}", new Model("x")));

        Assert.Contains("reprot", error.Message);
        Assert.Contains("reports/test.scriban-html(2,4)", error.Message);
    }

    [TestMethod]
    public void A_misspelled_member_is_an_error()
    {
        var error = Assert.ThrowsExactly<ScriptRuntimeException>(() => Renders.Template("{{ report.nmae }}", new Model("x")));

        Assert.Contains("nmae", error.Message);
    }

    [TestMethod]
    public void A_misspelled_text_key_is_an_error()
    {
        var error = Assert.ThrowsExactly<ScriptRuntimeException>(() => Renders.Template("{{ t.document.titel }}", new Model("x")));

        Assert.Contains("titel", error.Message);
    }

    [TestMethod]
    public void A_present_but_null_member_is_not_an_error()
    {
        var html = Renders.Template("[{{ report.name }}]{{ if report.name }}set{{ end }}", new Model(null!));

        Assert.AreEqual("[]", html);
    }

    [TestMethod]
    public void Loops_as_long_as_a_large_sector_are_allowed_and_runaway_loops_stop()
    {
        var html = Renders.Template("{{ n = 0 }}{{ for i in 1..20000 }}{{ n = n + 1 }}{{ end }}{{ n }}", new Model("x"));
        Assert.AreEqual("20000", html);

        var error = Assert.ThrowsExactly<ScriptRuntimeException>(() =>
            Renders.Template($"{{{{ for i in 1..{ReportTemplateContext.ReportLoopLimit + 1} }}}}{{{{ end }}}}", new Model("x")));
        Assert.Contains("LoopLimit", error.Message);
    }

    [TestMethod]
    public void Each_render_gets_a_fresh_context()
    {
        using var folder = TemplateFolders.Scratch(new Dictionary<string, string>
        {
            ["reports/test.scriban-html"] = "{{ if report.first }}{{ leaked = 'yes' }}set{{ else }}{{ leaked }}{{ end }}",
        });
        var renderer = new ReportRenderer(Templates.TemplateCatalog.Load(folder.Root), FixedClock.Default);

        var first = renderer.Render("reports/test.scriban-html", new { First = true }, Renders.Round, [], ReportRenderOptions.Default);

        // Had the context been reused, `leaked` would still hold "yes"; in a fresh one it does not exist.
        Assert.AreEqual("set", first.Html);
        var error = Assert.ThrowsExactly<ScriptRuntimeException>(() =>
            renderer.Render("reports/test.scriban-html", new { First = false }, Renders.Round, [], ReportRenderOptions.Default));
        Assert.Contains("leaked", error.Message);
    }

    [TestMethod]
    public void A_report_larger_than_scribans_default_output_limit_is_rendered_whole()
    {
        // Scriban's default budget is 1M characters over all nested outputs, past which it truncates with "...".
        var partials = new Dictionary<string, string>
        {
            ["reports/_outer.scriban-html"] = "{{ for i in 1..$1 }}{{ include 'reports/_inner' }}{{ end }}",
            ["reports/_inner.scriban-html"] = "<p>" + new string('x', 1000) + "</p>\n",
        };

        var html = Renders.Template("{{ include 'reports/_outer' 3000 }}<p>end</p>", new Model("x"), partials: partials);

        Assert.AreEqual((3000 * 1008) + "<p>end</p>".Length, html.Length);
        Assert.EndsWith("<p>end</p>", html);
    }
}
