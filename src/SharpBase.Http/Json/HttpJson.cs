using System.Text.Json;
using SharpBase.Core.Schema;

namespace SharpBase.Http;

/// <summary>The JSON options of every response (the schema's: camelCase, relaxed escaping).</summary>
public static class HttpJson
{
    /// <summary>The shared options.</summary>
    public static JsonSerializerOptions Options => CollectionJson.Options;
}
