using Audit.Reports.Rendering;

namespace Audit.Reports.Tests;

/// <summary>The bureau's findings Markdown: paragraphs, emphasis and lists become HTML; any HTML, link or image stays text.</summary>
[TestClass]
public sealed class SafeMarkdownTests
{
    [TestMethod]
    public void Paragraphs_emphasis_and_lists_are_rendered()
    {
        Assert.AreEqual("<p>Een <strong>vet</strong> woord.</p>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>",
            SafeMarkdown.ToHtml("Een **vet** woord.\n\n- een\n- twee").Html);
    }

    [TestMethod]
    [DataRow("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [DataRow("a <b onclick=\"x\">b</b>", "a &lt;b onclick=&quot;x&quot;&gt;b&lt;/b&gt;")]
    [DataRow("[klik](javascript:alert(1))", "[klik](javascript:alert(1))")]
    [DataRow("<https://example.org>", "&lt;https://example.org&gt;")]
    [DataRow("![x](https://example.org/x.png)", "![x](https://example.org/x.png)")]
    public void Html_links_and_images_stay_text(string markdown, string expected)
    {
        var html = SafeMarkdown.ToHtml(markdown).Html;

        Assert.Contains(expected, html);
        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<script", html);
    }

    [TestMethod]
    public void Nothing_written_is_nothing_rendered()
    {
        Assert.AreEqual("", SafeMarkdown.ToHtml(null).Html);
        Assert.AreEqual("", SafeMarkdown.ToHtml("  \n").Html);
    }
}
