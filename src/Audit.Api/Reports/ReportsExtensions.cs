using Audit.Api.Pages;
using Audit.Application.Reports;
using Audit.Reports.Pdf;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Microsoft.Extensions.Options;

namespace Audit.Api.Reports;

/// <summary>The parsed report templates (<c>templates/reports</c>), for rendering and for their template versions.</summary>
public sealed record ReportTemplates(TemplateCatalog Catalog);

public static class ReportsExtensions
{
    /// <summary>
    /// Report rendering, PDF printing and the render job. The report templates are parsed now, so a broken one stops
    /// start-up with its file, line and column. Chromium is started on the first PDF, not here: a server without it
    /// starts and serves HTML, and answers PDF requests with 501 naming <see cref="PdfOptions.ChromiumPathSetting"/>.
    /// </summary>
    public static WebApplicationBuilder AddAuditReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.Section);
        // One templates root for pages and reports (Audit:Pages:TemplatesPath, default: shipped beside the binaries).
        var root = (builder.Configuration.GetSection(PagesOptions.SectionName).Get<PagesOptions>() ?? new PagesOptions()).TemplatesRoot;
        var templates = new ReportTemplates(TemplateCatalog.Load(root, TemplateCatalog.ReportsFolder));
        builder.Services.AddSingleton(templates);
        builder.Services.AddSingleton(sp => new ReportRenderer(templates.Catalog, sp.GetRequiredService<TimeProvider>()));
        // One browser per process, launched lazily; the container disposes it (and the browser) with the host.
        builder.Services.AddSingleton<IPdfRenderer>(sp => new ChromiumPdfRenderer(sp.GetRequiredService<IOptions<PdfOptions>>().Value));
        builder.Services.AddSingleton<ReportPreparation>();
        builder.Services.AddOptions<PdfQueueOptions>().BindConfiguration(PdfOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PdfRenderQueue>();
        builder.Services.AddSingleton<ReportDelivery>();
        builder.Services.AddTransient<RenderReportsJob>();
        builder.Services.AddSingleton<IReportRenderScheduler, HangfireReportRenderScheduler>();
        return builder;
    }
}
