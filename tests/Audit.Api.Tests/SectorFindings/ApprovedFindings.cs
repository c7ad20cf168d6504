using Audit.Core.SectorFindings;
using Audit.Core.SectorViews;
using Audit.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.SectorFindings;

/// <summary>
/// Test fixtures that publish a round call this first: approved findings for every sector published with figures
/// (<see cref="ApprovedSectorFindings"/>), as two analysts would write and approve them.
/// </summary>
public static class ApprovedFindings
{
    public static Task EnsureAsync(IServiceProvider services, string roundId) => ApprovedSectorFindings.EnsureAsync(
        services.GetRequiredService<ISectorViewRepository>(), services.GetRequiredService<ISectorFindingsRepository>(), roundId);
}
