using Audit.Core.AuditTrail;
using Audit.Core.SectorViews;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// Tells a test when the background job has published a sector view, so the test waits for exactly that instead of
/// reloading a page until the view shows up. It wraps the app's <see cref="ISectorViewRepository"/> and changes
/// nothing it does. One per <see cref="WebApp"/>: <c>WebApp.Start(signals.Register)</c>.
/// </summary>
public sealed class SectorViewSignals
{
    private readonly Lock gate = new();
    private readonly List<(string RoundId, string InstitutionType, TaskCompletionSource Published)> waiting = [];

    /// <summary>
    /// Completes when a view of this sector is published after this call (its transaction committed), so call it
    /// before the step that makes the job run. Await it with a timeout.
    /// </summary>
    public Task NextPublishAsync(string roundId, string institutionType)
    {
        var published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            waiting.Add((roundId, institutionType, published));
        }
        return published.Task;
    }

    /// <summary>Wraps the registered <see cref="ISectorViewRepository"/>, keeping its lifetime.</summary>
    public void Register(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ISectorViewRepository));
        services.Remove(registered);
        services.Add(new ServiceDescriptor(typeof(ISectorViewRepository),
            provider => new Signalling(Create(provider, registered), this), registered.Lifetime));
    }

    private static ISectorViewRepository Create(IServiceProvider provider, ServiceDescriptor registered) =>
        (ISectorViewRepository)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));

    private void Published(string roundId, string institutionType)
    {
        lock (gate)
        {
            foreach (var entry in waiting.Where(w => w.RoundId == roundId && w.InstitutionType == institutionType).ToList())
            {
                entry.Published.TrySetResult();
                waiting.Remove(entry);
            }
        }
    }

    private sealed class Signalling(ISectorViewRepository inner, SectorViewSignals signals) : ISectorViewRepository
    {
        public async Task<PublishOutcome> PublishAsync(StoredSectorView view, AuditEvent audit, CancellationToken cancellationToken = default)
        {
            var outcome = await inner.PublishAsync(view, audit, cancellationToken);
            signals.Published(view.RoundId, view.InstitutionType);
            return outcome;
        }

        public Task<StoredSectorView?> GetCurrentAsync(string roundId, string institutionType, CancellationToken cancellationToken = default) =>
            inner.GetCurrentAsync(roundId, institutionType, cancellationToken);

        public Task<IReadOnlyList<SectorViewSummary>> ListCurrentAsync(string roundId, CancellationToken cancellationToken = default) =>
            inner.ListCurrentAsync(roundId, cancellationToken);

        public Task<int> CountVersionsAsync(string roundId, string institutionType, CancellationToken cancellationToken = default) =>
            inner.CountVersionsAsync(roundId, institutionType, cancellationToken);
    }
}
