using Audit.TestSupport;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Audit.Application.Access;
using Audit.Application.Invitations;
using Audit.Api.Mail;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Invitations;
using Audit.Api.Tests.Repository;
using Audit.Core.Access;
using Audit.Core.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Mail;

[TestClass]
public sealed class MailDeliveryTests
{
    private static OutgoingMail Mail(string subject) =>
        new(AccessTokens.NewId("m_"), "test:" + Guid.NewGuid().ToString("N"), "coordinator@uva.nl", subject, "Uw vragenlijst staat klaar.");

    [TestMethod]
    public async Task Without_smtp_mail_is_written_as_eml_to_the_pickup_folder_once()
    {
        await using var app = new AuditApp();
        var folder = Path.Combine(app.Folder, "mail");
        app.Settings["Mail:PickupFolder"] = folder;
        using var client = app.CreateClient();
        var outbox = app.Services.GetRequiredService<IMailOutbox>();
        await outbox.EnqueueAsync(Mail("Uitnodiging audit kennisveiligheid"), DateTimeOffset.UtcNow);

        var job = app.Services.GetRequiredService<MailOutboxJob>();
        Assert.AreEqual(1, await job.SendPendingAsync());
        Assert.AreEqual(0, await job.SendPendingAsync(), "a sent mail is not sent again");

        var eml = Directory.GetFiles(folder, "*.eml").Single();
        var text = await File.ReadAllTextAsync(eml);
        Assert.Contains("Subject: Uitnodiging audit kennisveiligheid", text);
        Assert.Contains("To: coordinator@uva.nl", text);
    }

    [TestMethod]
    public async Task Mail_is_delivered_to_a_real_smtp_server_on_loopback()
    {
        var maildev = FindMaildev();
        if (maildev is null)
        {
            if (Environment.GetEnvironmentVariable("AUDIT_REQUIRE_SMTP") == "1")
            {
                Assert.Fail("maildev is required (AUDIT_REQUIRE_SMTP=1) but was not found; run `npm install --prefix .ci`.");
            }
            Assert.Inconclusive("maildev not installed: run `npm install --prefix .ci` to run the SMTP test.");
        }
        int smtpPort = FreePort(), webPort = FreePort();
        using var server = Process.Start(new ProcessStartInfo("node", [maildev, "--smtp", smtpPort.ToString(), "--web", webPort.ToString(), "--ip", "127.0.0.1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            await WaitForPortAsync(smtpPort, server);
            await WaitForPortAsync(webPort, server);
            await using var app = new AuditApp();
            app.Settings["Mail:Smtp:Host"] = "127.0.0.1";
            app.Settings["Mail:Smtp:Port"] = smtpPort.ToString();
            app.Settings["Mail:Smtp:Security"] = "none";
            using var client = app.CreateClient();
            await app.Services.GetRequiredService<IMailOutbox>().EnqueueAsync(Mail("Herinnering: nog 7 dagen"), DateTimeOffset.UtcNow);

            Assert.AreEqual(1, await app.Services.GetRequiredService<MailOutboxJob>().SendPendingAsync());

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
            var received = JsonDocument.Parse(await http.GetStringAsync("/email")).RootElement;
            var mail = received.EnumerateArray().Single();
            Assert.AreEqual("Herinnering: nog 7 dagen", mail.GetProperty("subject").GetString());
            Assert.AreEqual("coordinator@uva.nl", mail.GetProperty("to")[0].GetProperty("address").GetString());

            // An invitation from the bureau's button arrives the same way, link and all.
            var world = await RoundMailWorld.CreateAsync(app);
            var batch = await app.Services.GetRequiredService<SendRoundInvitations>().ExecuteAsync(
                new Caller(null, Role.Admin, null), world.RoundId, institutionType: "universiteit", resend: false, CancellationToken.None);
            Assert.AreEqual(3, batch.Value.Queued);
            Assert.AreEqual(3, await app.Services.GetRequiredService<MailOutboxJob>().SendPendingAsync());
            var invitations = JsonDocument.Parse(await http.GetStringAsync("/email")).RootElement.EnumerateArray()
                .Where(m => m.GetProperty("subject").GetString()!.StartsWith("Uitnodiging:", StringComparison.Ordinal)).ToList();
            Assert.HasCount(3, invitations);
            var anna = invitations.Single(m => m.GetProperty("to")[0].GetProperty("address").GetString() == "anna@uva.nl");
            Assert.Contains("https://localhost/uitnodiging/aud_", anna.GetProperty("text").GetString()!);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    private static string? FindMaildev()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("AUDIT_MAILDEV"),
            Path.Combine(RepoRoot.Find(), ".ci", "node_modules", "maildev", "bin", "maildev"),
        };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Node starts slowly on a loaded CI machine: allow a minute, but stop early if the server died.</summary>
    private static async Task WaitForPortAsync(int port, Process server)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (server.HasExited)
            {
                Assert.Fail($"maildev exited with {server.ExitCode}: {await server.StandardError.ReadToEndAsync()}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        Assert.Fail($"SMTP server did not start on port {port}.");
    }
}
