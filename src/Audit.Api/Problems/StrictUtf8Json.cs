using System.Text.Json;
using System.Text.Unicode;

namespace Audit.Api.Problems;

/// <summary>
/// JSON must be UTF-8 text of Unicode strings (RFC 8259), but System.Text.Json only decodes the strings it binds:
/// invalid bytes in a property name it does not know were skipped, and an escaped lone surrogate (<c>"\ud800"</c>)
/// inside a free-form value (an answer) only failed deep in a handler. So every JSON body is checked once, before
/// any endpoint reads it; bodies are small (the Kestrel limit is 1 MB for JSON), so this costs little. Duplicate
/// property names are refused by the serializer itself (<see cref="AddStrictJson"/>).
/// </summary>
public static class StrictUtf8Json
{
    /// <summary>A body like <c>{"value":"yes","value":"no"}</c> is a 400, not "the last one wins".</summary>
    public static WebApplicationBuilder AddStrictJson(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.AllowDuplicateProperties = false);
        return builder;
    }

    public static WebApplication UseStrictUtf8Json(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.HasJsonContentType() && (request.ContentLength ?? 1) > 0 && request.ContentLength is null or <= RequestLimitsBytes)
            {
                request.EnableBuffering();
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
                request.Body.Position = 0;
                var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
                var problem = !Utf8.IsValid(body) ? "The request body is not valid UTF-8, which JSON requires."
                    : HasLoneSurrogate(body) ? "The request body holds a string with an unpaired surrogate escape (such as \\ud800), which is not Unicode text."
                    : null;
                if (problem is not null)
                {
                    await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: ApiProblems.TitleFor(400), detail: problem)
                        .ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    /// <summary>
    /// True when an escaped string or property name does not decode to Unicode text. Malformed JSON is left to the
    /// model binder, which words its own error.
    /// </summary>
    private static bool HasLoneSurrogate(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    try
                    {
                        reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        return true;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: the endpoint's binder answers that.
        }
        return false;
    }

    private const long RequestLimitsBytes = Hosting.RequestLimits.DefaultMaxBodyBytes;
}
