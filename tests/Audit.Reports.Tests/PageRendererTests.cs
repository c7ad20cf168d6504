using Audit.Reports.Localization;
using Audit.Reports.Pages;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>Web pages go through the reports' engine: same catalog checks, same escaping, separate folders.</summary>
[TestClass]
public sealed class PageRendererTests
{
    private sealed record User(string Id, string Name, string Role);

    private sealed record Form(string FieldName, string Value);

    private sealed record Switch(string Code, string Url);

    private sealed record Link(string Key, string Href, bool Current);

    private sealed record Site(User? User, Form? Form, Switch LanguageSwitch, IReadOnlyList<Link> Nav);

    private sealed record StartModel(IReadOnlyList<Link> Links);

    private static readonly TemplateCatalog Pages = TemplateCatalog.Load(TemplateFolders.Shipped, TemplateCatalog.PagesFolder);

    private static Site SiteFor(User? user) =>
        new(user, user is null ? null : new Form("__RequestVerificationToken", "a\"b<c"), new Switch("en", "/?lang=en&x=<y>"), [new Link("start", "/", true)]);

    [TestMethod]
    public void The_shipped_page_templates_load_with_matching_texts_in_both_languages()
    {
        Assert.AreEqual(TemplateCatalog.PagesFolder, Pages.Folder);
        Assert.AreEqual("pages/_layout.scriban-html", Pages.Layout);
        Assert.Contains("pages/site/start.scriban-html", Pages.TemplateKeys);
        Assert.DoesNotContain(ReportRenderer.FeedbackTemplate, Pages.TemplateKeys);
    }

    [TestMethod]
    public void Site_values_are_escaped_in_text_and_attributes()
    {
        var renderer = new PageRenderer(Pages);

        var html = renderer.Render("site/start", ReportLanguage.Nl, SiteFor(new User("u_1", "<b>Anna</b> & \"Co\"", "ministry")), new StartModel([]));

        Assert.Contains("Aangemeld als &lt;b&gt;Anna&lt;/b&gt; &amp; &quot;Co&quot;", html);
        Assert.Contains("value=\"a&quot;b&lt;c\"", html);
        Assert.Contains("href=\"/?lang=en&amp;x=&lt;y&gt;\"", html);
        Assert.DoesNotContain("<b>Anna", html);
    }

    [TestMethod]
    public void The_language_sets_the_lang_attribute_and_the_texts()
    {
        var renderer = new PageRenderer(Pages);

        var dutch = renderer.Render("site/accessibility", ReportLanguage.Nl, SiteFor(null));
        var english = renderer.Render("site/accessibility", ReportLanguage.En, SiteFor(null));

        Assert.Contains("<html lang=\"nl\">", dutch);
        Assert.Contains("<title>Toegankelijkheidsverklaring | Audit kennisveiligheid</title>", dutch);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("<title>Accessibility statement | Knowledge security audit</title>", english);
    }

    [TestMethod]
    public void An_unknown_page_is_refused()
    {
        var renderer = new PageRenderer(Pages);

        Assert.IsFalse(renderer.HasPage("nope"));
        Assert.ThrowsExactly<TemplateAccessException>(() => renderer.Render("nope", ReportLanguage.Nl, SiteFor(null)));
        Assert.ThrowsExactly<TemplateAccessException>(() => renderer.Render("../reports/feedback", ReportLanguage.Nl, SiteFor(null)));
    }

    [TestMethod]
    public void Each_renderer_accepts_only_its_own_folder()
    {
        var reports = TemplateCatalog.Load(TemplateFolders.Shipped);

        Assert.ThrowsExactly<ArgumentException>(() => new PageRenderer(reports));
        Assert.ThrowsExactly<ArgumentException>(() => new ReportRenderer(Pages, FixedClock.Default));
        Assert.ThrowsExactly<ArgumentException>(() => TemplateCatalog.Load(TemplateFolders.Shipped, "registry"));
    }

    [TestMethod]
    public void A_page_cannot_include_a_report_template()
    {
        var root = Path.Combine(Path.GetTempPath(), "audit-pages-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "pages", "i18n"));
            foreach (var file in Directory.GetFiles(Path.Combine(TemplateFolders.Shipped, "pages", "i18n")))
            {
                File.Copy(file, Path.Combine(root, "pages", "i18n", Path.GetFileName(file)));
            }
            File.WriteAllText(Path.Combine(root, "pages", "_layout.scriban-html"), "{{ content }}");
            File.WriteAllText(Path.Combine(root, "pages", "a.scriban-html"), "{{ include 'reports/_method' }}");

            var error = Assert.ThrowsExactly<TemplateCatalogException>(() => TemplateCatalog.Load(root, TemplateCatalog.PagesFolder));

            Assert.StartsWith("pages/a.scriban-html:1:4: includes 'reports/_method.scriban-html', which is not a template under pages/", error.Problems[0]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
