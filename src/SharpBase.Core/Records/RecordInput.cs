using System.Text.Json.Nodes;

namespace SharpBase.Core.Records;

/// <summary>
/// What a client submits to create or update a record: the field values (a JSON object, modifiers such as <c>tags+</c>
/// included) and the files uploaded with it, still as streams. Every write path takes this type, so file fields plug in
/// without changing the endpoints, batch or hooks.
/// </summary>
/// <param name="Values">The submitted values, keyed by field name (with modifiers).</param>
/// <param name="Files">Uploaded files, in the order the request carried them.</param>
public sealed record RecordInput(JsonObject Values, IReadOnlyList<UploadedFile> Files)
{
    /// <summary>Input made of values only (a JSON body).</summary>
    public static RecordInput FromValues(JsonObject values) => new(values, []);
}

/// <summary>
/// One uploaded file of a multipart request. The content is not read until <see cref="OpenReadStream"/> is called, so a
/// large upload is never copied into memory by the code that only passes it along.
/// </summary>
/// <param name="Field">The form key it came under (a field name, possibly with a <c>+</c> modifier).</param>
/// <param name="FileName">The file name the client sent (untrusted; sanitize before use).</param>
/// <param name="ContentType">The content type the client declared (untrusted).</param>
/// <param name="Length">The size in bytes.</param>
/// <param name="OpenReadStream">Opens the content for reading.</param>
public sealed record UploadedFile(string Field, string FileName, string ContentType, long Length, Func<Stream> OpenReadStream);
