using Audit.TestSupport;
using System.Text.RegularExpressions;

namespace Audit.Api.Tests.Repository;

/// <summary>
/// The pages make no request off the site and carry no inline code: stylesheets reference only data: URLs,
/// the vendored CSS keeps its licence, and page templates hold no script or style the CSP would block anyway (scripts come
/// from files under wwwroot/js).
/// </summary>
[TestClass]
public sealed partial class WebAssetsTests
{
    [GeneratedRegex(@"url\(\s*['""]?(?!data:)(?<target>[^'"")]+)", RegexOptions.IgnoreCase)]
    private static partial Regex NonDataUrl();

    /// <summary>Inline code: a script element without src, a style element or attribute, an event handler attribute.</summary>
    [GeneratedRegex(@"<script(?![^>]*\ssrc=""/js/)|<style|\sstyle\s*=|\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();

    [TestMethod]
    public void Stylesheets_load_nothing_from_elsewhere()
    {
        var wwwroot = Path.Combine(RepoRoot.Find(), "src", "Audit.Api", "wwwroot");
        var sheets = Directory.GetFiles(wwwroot, "*.css", SearchOption.AllDirectories);

        Assert.IsNotEmpty(sheets);
        foreach (var sheet in sheets)
        {
            var css = File.ReadAllText(sheet);
            Assert.DoesNotContain("@import", css, sheet);
            var url = NonDataUrl().Match(css);
            Assert.IsFalse(url.Success, $"{sheet} loads {url.Groups["target"].Value}");
        }
    }

    [TestMethod]
    public void The_vendored_css_keeps_its_licence_and_versions()
    {
        var vendor = Path.Combine(RepoRoot.Find(), "src", "Audit.Api", "wwwroot", "vendor", "utrecht");

        Assert.Contains("EUROPEAN UNION PUBLIC LICENCE", File.ReadAllText(Path.Combine(vendor, "LICENSE.md")));
        Assert.Contains("@utrecht/component-library-css@", File.ReadAllText(Path.Combine(vendor, "VERSIONS.txt")));
        Assert.StartsWith("@charset \"UTF-8\";\n/* Vendored by .ci/vendor-css", File.ReadAllText(Path.Combine(vendor, "components.css")));
    }

    [TestMethod]
    public void Page_templates_hold_no_inline_script_or_style()
    {
        var pages = Path.Combine(RepoRoot.Find(), "templates", "pages");

        foreach (var template in Directory.GetFiles(pages, "*.scriban-html", SearchOption.AllDirectories))
        {
            var inline = InlineCode().Match(File.ReadAllText(template));
            Assert.IsFalse(inline.Success, $"{template} has inline code: {inline.Value}");
        }
    }
}
