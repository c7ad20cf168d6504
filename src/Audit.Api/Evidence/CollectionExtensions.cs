using Audit.Api.SectorViews;
using Audit.Application.SectorViews;
using Audit.Application;
using Audit.Application.Evidence;
using Audit.Core.Evidence;
using Audit.Data.Evidence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Audit.Api.Evidence;

public static class CollectionExtensions
{
    /// <summary>
    /// What the collection and review endpoints need beyond the repositories: the evidence store (a folder by
    /// default; Azure Blob storage can implement <see cref="IEvidenceStore"/> later), the participation scope
    /// loader and the use cases, and the scheduler that enqueues a sector recompute after an accept.
    /// </summary>
    public static WebApplicationBuilder AddAuditCollection(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IEvidenceStore>(sp => new FileEvidenceStore(sp.GetRequiredService<IOptions<EvidenceOptions>>().Value.Folder));
        builder.Services.AddSingleton(sp => new EvidenceLimits(sp.GetRequiredService<IOptions<EvidenceOptions>>().Value.MaxBytes));
        builder.Services.AddAuditUseCases();
        builder.Services.TryAddSingleton<ISectorRecomputeScheduler, HangfireSectorRecomputeScheduler>();
        return builder;
    }
}
