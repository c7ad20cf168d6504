using System.Xml.Linq;
using Audit.Core.Access;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Audit.Api.Hosting;

/// <summary>
/// The data-protection key ring in the database: every web instance over the same database reads and writes the same
/// keys, so an antiforgery token or sign-in cookie made by one instance is accepted by the next, without a shared folder.
/// </summary>
public sealed class DatabaseXmlRepository(IDataProtectionKeyRepository keys, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        keys.ReadAll().Select(k => XElement.Parse(k.Xml)).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        // The framework names keys "key-<guid>" and revocations "revocation-<date>"; a missing name gets a unique one.
        var id = string.IsNullOrWhiteSpace(friendlyName) ? "element-" + Guid.NewGuid().ToString("N") : friendlyName;
        keys.Store(new StoredProtectionKey(id, element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow()));
    }
}

public static class DatabaseKeyRingExtensions
{
    /// <summary>Points the key manager at the database; resolved lazily, after the migrations ran.</summary>
    public static IServiceCollection AddDatabaseKeyRing(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IDataProtectionKeyRepository>(), sp.GetRequiredService<TimeProvider>())));
        return services;
    }
}
