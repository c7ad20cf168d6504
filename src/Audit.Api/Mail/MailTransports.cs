using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Audit.Api.Mail;

/// <summary>How a built message leaves: over SMTP, or into the pickup folder.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        var security = smtp.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set."), smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Writes each message as <c>&lt;id&gt;.eml</c>, atomically (temp file + rename).</summary>
public sealed class PickupFolderTransport(IOptions<MailOptions> options) : IMailTransport
{
    public string Folder => Path.GetFullPath(options.Value.PickupFolder);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Where(char.IsLetterOrDigit));
        var temp = Path.Combine(Folder, $".{name}.tmp");
        await using (var file = File.Create(temp))
        {
            await message.WriteToAsync(file, cancellationToken);
        }
        File.Move(temp, Path.Combine(Folder, name + ".eml"), overwrite: true);
    }
}
