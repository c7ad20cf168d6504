using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// Tells a test when the service has answered an answer PUT, seen from the server. A save sent with keepalive as
/// the page is left belongs to no page any more, so the browser's response events may never report it; this waits for
/// exactly that write instead of polling the API. It changes nothing the service does. One per <see cref="WebApp"/>:
/// <c>WebApp.Start(signals.Register)</c>.
/// </summary>
public sealed class AnswerWriteSignals
{
    private readonly Lock gate = new();
    private readonly List<(string Suffix, string Text, TaskCompletionSource<int> Answered)> waiting = [];

    /// <summary>
    /// Completes with the status of the next PUT to <c>/answers/{questionKey}</c> whose body contains
    /// <paramref name="text"/>; call it before the step that sends the write, and await it with a timeout.
    /// </summary>
    public Task<int> NextWriteAsync(string questionKey, string text)
    {
        var answered = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            waiting.Add(("/answers/" + questionKey, text, answered));
        }
        return answered.Task;
    }

    public void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new Filter(this));

    private void Answered(string path, string body, int status)
    {
        lock (gate)
        {
            foreach (var entry in waiting.Where(w => path.EndsWith(w.Suffix, StringComparison.Ordinal) && body.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                entry.Answered.TrySetResult(status);
                waiting.Remove(entry);
            }
        }
    }

    private sealed class Filter(AnswerWriteSignals signals) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, proceed) =>
            {
                if (!HttpMethods.IsPut(context.Request.Method) || !(context.Request.Path.Value ?? "").Contains("/answers/", StringComparison.Ordinal))
                {
                    await proceed(context);
                    return;
                }
                context.Request.EnableBuffering();
                var body = await new StreamReader(context.Request.Body, leaveOpen: true).ReadToEndAsync(context.RequestAborted);
                context.Request.Body.Position = 0;
                await proceed(context);
                signals.Answered(context.Request.Path.Value ?? "", body, context.Response.StatusCode);
            });
            next(app);
        };
    }
}
