using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Audit.Drills.BadInput;

/// <summary>
/// Requests that only a raw socket can send, because an HTTP client refuses to: a chunked body with a bad chunk size, a
/// body shorter than its Content-Length, and a body that trickles in slower than Kestrel's minimum data rate. Kestrel
/// refuses them while the handler reads; each must end in a 4xx (or a closed connection), never a 5xx, and the
/// service must log them as the client's fault rather than at Error level (checked by the drill over the whole log).
/// </summary>
public static class RawHttpShapes
{
    public sealed record Result(string Summary, IReadOnlyList<string> Defects);

    /// <summary>
    /// Sent to an evidence upload: its handler reads the multipart body itself, so Kestrel's refusal surfaces there as
    /// an exception (a JSON body is read by the framework, which answers 400 without one).
    /// </summary>
    public static async Task<Result> SendAsync(Uri baseAddress, string uploadPath, string respondentToken)
    {
        var watch = Stopwatch.StartNew();
        var head = $"POST {uploadPath} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAuthorization: Bearer {respondentToken}\r\n"
            + "Content-Type: multipart/form-data; boundary=drill\r\n";
        var shapes = new (string Name, Func<NetworkStream, Task> Write)[]
        {
            ("bad chunk size", stream => WriteAsync(stream, head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n--drill\r\n0\r\n\r\n")),
            ("body shorter than Content-Length", async stream =>
            {
                await WriteAsync(stream, head + "Content-Length: 400\r\n\r\n--drill\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF");
                stream.Socket.Shutdown(SocketShutdown.Send);
            }),
            ("body slower than the minimum data rate", async stream =>
            {
                // Kestrel's default minimum is 240 bytes/s after a 5 s grace period.
                await WriteAsync(stream, head + "Content-Length: 100000\r\n\r\n--drill\r\n");
                for (var i = 0; i < 12 && stream.Socket.Connected; i++)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    try
                    {
                        await WriteAsync(stream, " ");
                    }
                    catch (IOException)
                    {
                        return; // the service gave up on the body, as it should
                    }
                }
            }),
        };
        var outcomes = await Task.WhenAll(shapes.Select(async shape => (shape.Name, Status: await StatusAsync(baseAddress, shape.Write))));
        var defects = outcomes.Where(o => o.Status.StartsWith('5') || o.Status.StartsWith('2'))
            .Select(o => $"raw request with a {o.Name}: {o.Status}, where a 4xx or a closed connection is due").ToList();
        var summary = "raw requests: " + string.Join(", ", outcomes.Select(o => $"{o.Name} → {o.Status}"))
            + $" in {watch.Elapsed.TotalSeconds:0.0} s";
        return new Result(summary, defects);
    }

    /// <summary>The status of the service's answer, or "closed" when it closed the connection without one.</summary>
    private static async Task<string> StatusAsync(Uri baseAddress, Func<NetworkStream, Task> write)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = client.GetStream();
        try
        {
            await write(stream);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var statusLine = await reader.ReadLineAsync(timeout.Token);
            return statusLine?.Split(' ') is [_, var status, ..] ? status : "closed";
        }
        catch (IOException)
        {
            return "closed";
        }
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
}
