using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SharpBase.Core.Errors;
using SharpBase.Core.Records;

namespace SharpBase.Http.Body;

/// <summary>
/// Reads a request body the way PocketBase does: JSON objects; multipart and urlencoded forms with type-guessed
/// text parts, repeated keys as arrays and <c>@jsonPayload</c> parts merged in; an empty body (Content-Length 0)
/// whatever its declared type.
/// </summary>
public static partial class RequestBody
{
    /// <summary>The part whose JSON object is merged into a form body without type guessing.</summary>
    public const string JsonPayloadKey = "@jsonPayload";

    private const string InvalidFormatting = "Failed to load the submitted data due to invalid formatting.";

    /// <summary>
    /// A record create/update body: its values, and for a multipart form the uploaded files as streams (Kestrel buffers
    /// large parts to disk, so nothing here copies a file into memory).
    /// </summary>
    public static async Task<RecordInput> ReadInputAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HasBody(request) && request.HasFormContentType)
        {
            var form = await ReadFormAsync(request, cancellationToken);
            var files = form.Files.Select(f => new UploadedFile(f.Name, f.FileName, f.ContentType ?? "", f.Length, f.OpenReadStream)).ToList();
            return new RecordInput(ReadForm(form), files);
        }

        return RecordInput.FromValues(await ReadObjectAsync(request, cancellationToken));
    }

    /// <summary>The body as a JSON object (empty when there is no body).</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HasBody(request))
        {
            return [];
        }

        var contentType = request.ContentType ?? "";
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadJsonAsync(request, cancellationToken);
        }

        if (request.HasFormContentType)
        {
            return ReadForm(await ReadFormAsync(request, cancellationToken));
        }

        throw new BadRequestException("Unsupported Content-Type.");
    }

    /// <summary>
    /// Reads a form with the request's body limit as its only size bound (the form reader's own 128 MB body and 4 MiB
    /// per-value limits would refuse what a collection's file and json fields allow); a form the reader cannot parse is
    /// a 400, never a 500.
    /// </summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(UnboundedForm, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            throw Invalid(exception.Message);
        }
    }

    private static readonly FormOptions UnboundedForm = new() { MultipartBodyLengthLimit = long.MaxValue, ValueLengthLimit = int.MaxValue };

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength != 0 && (request.ContentLength is not null || request.Headers.TransferEncoding.Count > 0);

    private static async Task<JsonObject> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return ParseObject(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>
    /// Parses a JSON object body under <see cref="JsonBodyLimits"/>: invalid UTF-8, a duplicate key (which Go's decoder
    /// would silently resolve to the last value, so two readers of one body could disagree), too deep a nesting or too many
    /// members are a 400 before anything is bound.
    /// </summary>
    public static JsonObject ParseObject(ReadOnlySpan<byte> utf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            throw Invalid("the body is not valid UTF-8");
        }

        JsonBodyLimits.Check(utf8);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8, documentOptions: JsonBodyLimits.DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw Invalid(exception.Message);
        }

        return node as JsonObject ?? throw new BadRequestException(InvalidFormatting);
    }

    /// <summary>The 400 for a body that cannot be read; the reason goes to the log line only, as PocketBase tells no more.</summary>
    internal static BadRequestException Invalid(string reason)
    {
        var exception = new BadRequestException(InvalidFormatting);
        exception.Data["reason"] = reason;
        return exception;
    }

    private static JsonObject ReadForm(IFormCollection form)
    {
        var result = new JsonObject();
        foreach (var (key, values) in form)
        {
            if (key == JsonPayloadKey)
            {
                continue;
            }

            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                // As in JSON bodies: PostgreSQL's text cannot hold U+0000, so neither database is given it.
                throw Invalid("a form field with U+0000");
            }

            result[key] = values.Count == 1
                ? Guess(values[0] ?? "")
                : new JsonArray(values.Select(v => Guess(v ?? "")).ToArray());
        }

        foreach (var payload in form[JsonPayloadKey])
        {
            var parsed = ParseObject(System.Text.Encoding.UTF8.GetBytes(payload ?? ""));

            foreach (var (key, value) in parsed)
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }

    /// <summary>PocketBase's type guess for a form value: booleans, numbers in their shortest form, else the string.</summary>
    public static JsonNode? Guess(string value)
    {
        if (value is "true" or "false")
        {
            return JsonValue.Create(value == "true");
        }

        if (value.Length > 0 && NumberLike().IsMatch(value) &&
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) &&
            number.ToString("R", CultureInfo.InvariantCulture) == value)
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex(@"^[\-\.\d]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();
}
