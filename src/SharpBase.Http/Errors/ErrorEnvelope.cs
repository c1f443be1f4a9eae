using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SharpBase.Core.Errors;

namespace SharpBase.Http.Errors;

/// <summary>
/// The one place that writes PocketBase's error body <c>{"status","message","data"}</c>. Messages are
/// "sentenized" (capital first letter, final period) as PocketBase does; <c>data</c> is always an object.
/// </summary>
public static class ErrorEnvelope
{
    /// <summary>The default message for each status, as PocketBase words it.</summary>
    public static string DefaultMessage(int status) => status switch
    {
        401 => "Missing or invalid authentication.",
        403 => "You are not allowed to perform this request.",
        404 => "The requested resource wasn't found.",
        405 => "The requested method is not allowed for this resource.",
        413 => "Request entity too large.",
        429 => "Too Many Requests.",
        503 => "The server is busy; please retry shortly.",
        _ => "Something went wrong while processing your request.",
    };

    /// <summary>
    /// Writes an error response; nothing is written when the response has started. A <paramref name="retryAfter"/> is sent
    /// as <c>Retry-After</c> in whole seconds, at least one.
    /// </summary>
    public static Task WriteAsync(HttpContext context, int status, string? message, ValidationErrors? errors = null, TimeSpan? retryAfter = null) =>
        WriteAsync(context, status, message, errors?.ToData() ?? new Dictionary<string, object>(), retryAfter);

    private static async Task WriteAsync(HttpContext context, int status, string? message, object data, TimeSpan? retryAfter = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = HttpJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("status", status);
            writer.WriteString("message", Sentenize(string.IsNullOrWhiteSpace(message) ? DefaultMessage(status) : message));
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, data, HttpJson.Options);
            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    /// <summary>Writes an <see cref="ApiException"/>.</summary>
    public static Task WriteAsync(HttpContext context, ApiException exception) =>
        WriteAsync(context, exception.Status, exception.Message, exception.Payload);

    /// <summary>Capitalizes the first letter and ends the text with a period unless it ends with . ? or !.</summary>
    public static string Sentenize(string message)
    {
        var text = message.Trim();
        if (text.Length == 0)
        {
            return text;
        }

        text = char.ToUpperInvariant(text[0]) + text[1..];
        return text[^1] is '.' or '?' or '!' ? text : text + ".";
    }
}
