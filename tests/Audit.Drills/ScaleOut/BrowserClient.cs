using System.Net;
using System.Text.RegularExpressions;

namespace Audit.Drills.ScaleOut;

/// <summary>
/// A browser's cookie jar over plain HttpClients, one per web process, so one session can send each request to the
/// process the drill chooses. The services' cookies are Secure (TLS ends at the proxy), which HttpClient's own cookie
/// container would keep to itself over loopback HTTP; every request says <c>X-Forwarded-Proto: https</c> as the
/// proxy would, and loopback is a trusted proxy address.
/// </summary>
public sealed partial class BrowserClient : IDisposable
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    public async Task<(HttpStatusCode Status, string Body, string? Location)> GetAsync(Uri server, string path) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(server, path)));

    public async Task<(HttpStatusCode Status, string Body, string? Location)> PostFormAsync(Uri server, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(server, path)) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>The antiforgery token of the first form on the page (the hidden field every page form carries).</summary>
    public static string FormToken(string html, string what) =>
        AntiforgeryField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new DrillFailure($"{what}: the page has no antiforgery field.");

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode, string, string?)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Accept.ParseAdd("text/html");
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            using var response = await _http.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var header in setCookies)
                {
                    Keep(header);
                }
            }
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString());
        }
    }

    private void Keep(string setCookie)
    {
        var parts = setCookie.Split(';', StringSplitOptions.TrimEntries);
        var equals = parts[0].IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return;
        }
        var name = parts[0][..equals];
        var value = parts[0][(equals + 1)..];
        var expired = parts.Any(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(p[8..], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            && at < DateTimeOffset.UtcNow);
        if (expired || value.Length == 0)
        {
            _cookies.Remove(name);
        }
        else
        {
            _cookies[name] = value;
        }
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
