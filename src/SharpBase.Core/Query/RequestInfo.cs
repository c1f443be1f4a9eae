using System.Text.Json.Nodes;
using SharpBase.Core.Records;

namespace SharpBase.Core.Query;

/// <summary>
/// The <c>@request.*</c> values a filter or rule can read: the caller's auth record, the body, query, headers, method
/// and context. Built once per request; the compiler turns every value read from it into a SQL parameter.
/// </summary>
/// <param name="Auth">The signed-in record, or null for a guest (<c>@request.auth.id</c> is then "").</param>
/// <param name="Method">The HTTP method, upper-case (<c>@request.method</c>).</param>
/// <param name="Context"><c>default</c>, <c>expand</c>, <c>realtime</c>, <c>protectedFile</c>, <c>oauth2</c>, <c>otp</c>, <c>password</c>.</param>
/// <param name="Query">Query parameters (first value of each).</param>
/// <param name="Headers">Headers, keys lower-cased with <c>-</c> turned into <c>_</c>, as PocketBase exposes them.</param>
/// <param name="Body">The submitted body (create/update), empty otherwise.</param>
public sealed record RequestInfo(
    RecordRow? Auth,
    string Method,
    string Context,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    JsonObject Body)
{
    /// <summary>A guest GET with nothing else, for code paths with no HTTP request (CLI, tests).</summary>
    public static RequestInfo Guest { get; } = new(null, "GET", "default", new Dictionary<string, string>(), new Dictionary<string, string>(), []);

    /// <summary>True when the caller is a superuser.</summary>
    public bool IsSuperuser => Auth?.Collection.Id == Schema.SystemCollections.SuperusersId;
}
