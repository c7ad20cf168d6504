using Audit.Api.Pages.Bureau;
using Audit.Api.Pages.Ministry;
using Audit.Api.Pages.Respondent;
using Audit.Api.Pages.Site;
using Audit.Api.Reports;
using Audit.Reports.Pages;
using Audit.Reports.Templates;

namespace Audit.Api.Pages;

/// <summary>
/// The server-rendered web pages: Scriban templates under <c>templates/pages</c>, rendered by the reports' escaping
/// engine, styled with the vendored NL Design System CSS in <c>wwwroot/</c>. They work without JavaScript.
/// </summary>
public static class PagesExtensions
{
    /// <summary>Every page template a handler names; start-up fails when one is missing.</summary>
    public static readonly IReadOnlyList<string> PageNames =
        [StartPage.Name, SignInPage.Name, AccountPage.Name, AccessibilityPage.Name, ProblemPage.Name, InvitationApi.PageName,
            .. Bureau.BureauPages.PageNames, .. Ministry.MinistryPages.PageNames, .. Respondent.RespondentPages.PageNames];

    public static WebApplicationBuilder AddAuditPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PagesOptions>().BindConfiguration(PagesOptions.SectionName);
        var options = builder.Configuration.GetSection(PagesOptions.SectionName).Get<PagesOptions>() ?? new PagesOptions();
        // Parsed now, so a broken page template stops start-up instead of failing a visitor later.
        var pages = TemplateCatalog.Load(options.TemplatesRoot, TemplateCatalog.PagesFolder);
        var missing = PageNames.Where(page => !pages.Contains(PageRenderer.KeyOf(page))).ToList();
        if (missing.Count > 0)
        {
            throw new TemplateCatalogException([.. missing.Select(page => $"{PageRenderer.KeyOf(page)}:1:1: the page template is missing")]);
        }
        // The sector pages draw the reports' charts with the reports' chart texts (AddAuditReports parses that catalog).
        builder.Services.AddSingleton(sp => new PageRenderer(pages, sp.GetRequiredService<ReportTemplates>().Catalog));
        // First in line: the JSON writer that AddProblemDetails registers accepts */* and would answer browsers too.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, HtmlProblemWriter>());
        return builder;
    }

    /// <summary>Stylesheets from wwwroot/, before authentication: the sign-in page needs them before anyone is signed in.</summary>
    /// <summary>
    /// Static files for pages only. An API request skips the middleware: nothing under wwwroot lives below /api/, and
    /// for every API call it would otherwise look for a file of that name on disk (a file-system probe per autosave).
    /// The other middlewares stay for the API: security headers and CSP, problem+json, request shape, sign-in throttle,
    /// authentication, rate limiting, authorization, and antiforgery (the autosave authenticates with the session
    /// cookie, so its antiforgery header is what makes it safe).
    /// </summary>
    public static WebApplication UseAuditStaticFiles(this WebApplication app)
    {
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            pages => pages.UseStaticFiles());
        return app;
    }

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription();
        pages.MapGet(StartPage.Path, StartPage.Show).AllowAnonymous();
        pages.MapGet(SignInPage.Path, SignInPage.Show).AllowAnonymous();
        pages.MapPost(SignInPage.Path, SignInPage.SubmitAsync).AllowAnonymous().DisableAntiforgery(); // validated explicitly
        pages.MapGet(AccessibilityPage.Path, AccessibilityPage.Show).AllowAnonymous();
        pages.MapGet(AccountPage.Path, AccountPage.ShowAsync).RequireAuthorization(Policies.SignedIn);
        routes.MapBureauPages();
        routes.MapMinistryPages();
        routes.MapRespondentPages();
        return routes;
    }
}
