using Audit.Reports.Rendering;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>Every {{ }} output is escaped for HTML; only RawHtml (includes, charts) passes, and nothing is escaped twice.</summary>
[TestClass]
public sealed class EscapingTests
{
    private sealed record Text(string Value);

    [TestMethod]
    public void Script_in_free_text_is_escaped()
    {
        var html = Renders.Template("<p>{{ report.value }}</p>", new Text("<script>alert(1)</script>"));

        Assert.AreEqual("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", html);
    }

    [TestMethod]
    public void Quotes_cannot_leave_an_attribute()
    {
        var html = Renders.Template(
            "<a title=\"{{ report.value }}\" data-x='{{ report.value }}'>x</a>", new Text("\"><img src=x onerror=alert(1)> ' onmouseover='alert(2)"));

        Assert.AreEqual(
            "<a title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39; onmouseover=&#39;alert(2)\" " +
            "data-x='&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39; onmouseover=&#39;alert(2)'>x</a>",
            html);
    }

    [TestMethod]
    public void Template_syntax_in_data_is_not_evaluated()
    {
        var html = Renders.Template("{{ report.value }}", new Text("{{ 1+1 }} {{ include '/etc/passwd' }}"));

        Assert.AreEqual("{{ 1+1 }} {{ include &#39;/etc/passwd&#39; }}", html);
    }

    [TestMethod]
    public void An_ampersand_is_escaped_exactly_once()
    {
        var html = Renders.Template("{{ report.value }}|{{ report.value | string.upcase }}", new Text("R&D &amp;"));

        Assert.AreEqual("R&amp;D &amp;amp;|R&amp;D &amp;AMP;", html);
    }

    [TestMethod]
    public void Markup_written_in_the_template_itself_stays_markup()
    {
        var html = Renders.Template("<b>{{ 'bold' }}</b>", new Text(""));

        Assert.AreEqual("<b>bold</b>", html);
    }

    [TestMethod]
    public void RawHtml_passes_unescaped_and_null_prints_nothing()
    {
        var html = Renders.Template("{{ report.markup }}[{{ report.missing }}]", new { Markup = new RawHtml("<svg role=\"img\"></svg>"), Missing = (string?)null });

        Assert.AreEqual("<svg role=\"img\"></svg>[]", html);
    }

    [TestMethod]
    public void An_included_partial_stays_markup_while_its_data_is_escaped_once()
    {
        var partials = new Dictionary<string, string> { ["reports/_partial.scriban-html"] = "<b>{{ $1 }}</b>" };

        var html = Renders.Template("<p>{{ include 'reports/_partial' report.value }}</p>", new Text("<script>x</script> & co"), partials: partials);

        Assert.AreEqual("<p><b>&lt;script&gt;x&lt;/script&gt; &amp; co</b></p>", html);
    }

    [TestMethod]
    public void Nested_includes_are_not_escaped_twice()
    {
        var partials = new Dictionary<string, string>
        {
            ["reports/_outer.scriban-html"] = "<div>{{ include 'reports/_inner' $1 }}</div>",
            ["reports/_inner.scriban-html"] = "<i>{{ $1 }}</i>",
        };

        var html = Renders.Template("{{ include 'reports/_outer' report.value }}", new Text("a<b"), partials: partials);

        Assert.AreEqual("<div><i>a&lt;b</i></div>", html);
    }

    [TestMethod]
    public void An_include_stored_in_a_variable_is_still_raw_but_concatenating_it_escapes()
    {
        var partials = new Dictionary<string, string> { ["reports/_partial.scriban-html"] = "<b>x</b>" };

        var html = Renders.Template("{{ part = include 'reports/_partial' }}{{ part }}|{{ part + '' }}", new Text(""), partials: partials);

        // Joining markup with a string makes a plain string: the safe default is to escape it.
        Assert.AreEqual("<b>x</b>|&lt;b&gt;x&lt;/b&gt;", html);
    }

    [TestMethod]
    public void The_css_string_encoder_cannot_end_the_string_or_the_style_element()
    {
        var quoted = CssText.Quote("a\"b</style><script>\\ é").Html;

        // Every escape ends with a space that CSS consumes; the space after the backslash escape is the text's own.
        Assert.AreEqual("\"a\\000022 b\\00003C \\00002F style\\00003E \\00003C script\\00003E \\00005C  é\"", quoted);
    }

    [TestMethod]
    public void A_space_after_an_escaped_character_survives_in_the_css_string()
    {
        // CSS swallows one whitespace after a hex escape, so "kennissector – Demo" lost its space in the PDF footer.
        var quoted = CssText.Quote("kennissector – Demo — universiteit").Html;

        Assert.AreEqual("\"kennissector \\002013  Demo \\002014  universiteit\"", quoted);
    }
}
