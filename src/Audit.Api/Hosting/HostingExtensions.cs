using System.Net;
using System.Security.Cryptography.X509Certificates;
using Audit.Data.Connections;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Audit.Api.Hosting;

public static class HostingExtensions
{
    /// <summary>Maps <c>--role</c> onto <c>Audit:Role</c>; every other key works as <c>--Audit:Key value</c>.</summary>
    public static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--role"] = "Audit:Role",
    };

    /// <summary>Options, forwarded headers from trusted proxies, HSTS and the role check.</summary>
    public static WebApplicationBuilder AddAuditHosting(this WebApplicationBuilder builder, string[] args)
    {
        // CLI verbs have a --role of their own (the user's role), so the mapping is for the service only.
        if (!Cli.CliVerbs.IsVerb(args))
        {
            builder.Configuration.AddCommandLine(args, SwitchMappings);
        }
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        var options = builder.Configuration.GetSection(AuditOptions.SectionName).Get<AuditOptions>() ?? new AuditOptions();
        RefuseSplitRoleWithoutSharedJobStore(builder.Configuration, options);

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in options.KnownProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
            }
            foreach (var network in options.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    forwarded.KnownIPNetworks.Add(parsed);
                }
            }
        });
        builder.Services.AddSingleton(TimeProvider.System);
        // Keys live in the database (data_protection_keys) so that every web instance shares them.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("audit");
        builder.Services.AddDatabaseKeyRing();
        if (!string.IsNullOrWhiteSpace(options.DataProtection.CertificatePath) && File.Exists(options.DataProtection.CertificatePath))
        {
            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(options.DataProtection.CertificatePath, options.DataProtection.Password);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new InvalidOperationException(
                    $"Audit:DataProtection:CertificatePath '{options.DataProtection.CertificatePath}' could not be loaded " +
                    $"(wrong Audit:DataProtection:Password, or not a PKCS#12 file): {e.Message}", e);
            }
            // Unprotect with this certificate too: on Linux the decryptor would otherwise look for it in a certificate store.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "audit_af";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return builder;
    }

    /// <summary>Forwarded headers from trusted proxies, and the HTTPS redirect only when asked for.</summary>
    public static WebApplication UseAuditHosting(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var options = app.Configuration.GetSection(AuditOptions.SectionName).Get<AuditOptions>() ?? new AuditOptions();
        if (options.RequireHttps)
        {
            app.UseHttpsRedirection();
        }
        return app;
    }

    private static void RefuseSplitRoleWithoutSharedJobStore(IConfiguration configuration, AuditOptions options)
    {
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.ParsedRole != ProcessRole.All && DatabaseProviders.TryParse(database.Provider, out var provider) && provider == DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"Audit:Role '{options.Role}' needs a job store shared between processes, but with Database:Provider 'sqlite' " +
                "jobs live in this process's memory. Run as '--role all', or use postgres or sqlserver.");
        }
    }
}
