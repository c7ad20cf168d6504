using System.Text.RegularExpressions;
using MimeKit;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>The .eml files the service wrote, read as the recipient would: by address, with the links in the text.</summary>
public static partial class MailFolder
{
    /// <summary>Every mail to <paramref name="address"/> in the folder, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> To(WebApp app, string address)
    {
        if (!Directory.Exists(app.MailFolder))
        {
            return [];
        }
        return [.. Directory.EnumerateFiles(app.MailFolder, "*.eml")
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.Date)];
    }

    /// <summary>
    /// The path of the first link in the mail's text that starts with <paramref name="pathPrefix"/> on the service's
    /// public address; the test then opens that path on its own port.
    /// </summary>
    public static string LinkPath(MimeMessage mail, string pathPrefix)
    {
        var text = mail.TextBody ?? mail.HtmlBody ?? "";
        foreach (Match link in Link().Matches(text))
        {
            var url = new Uri(link.Value);
            if (url.Host == WebApp.PublicBaseUrl.Host && url.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal))
            {
                return url.PathAndQuery;
            }
        }
        Assert.Fail($"No link to {pathPrefix} in the mail '{mail.Subject}':{Environment.NewLine}{text}");
        return "";
    }

    [GeneratedRegex(@"https://[^\s<>""]+")]
    private static partial Regex Link();
}
