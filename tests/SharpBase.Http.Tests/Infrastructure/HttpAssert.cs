using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace SharpBase.Http.Tests.Infrastructure;

/// <summary>Assertions on responses in PocketBase's shapes.</summary>
public static class HttpAssert
{
    /// <summary>What only internals look like in a response: a stack frame, a SharpBase type, a server path, a source line.</summary>
    public const string InternalsPattern = @"\bat [\w.]+\(|SharpBase\.|/work/|\.cs:line";

    /// <summary>Asserts the status and returns the JSON body (null for an empty body).</summary>
    public static async Task<JsonNode?> StatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Asserts an error envelope with <paramref name="status"/>, a sentence message and an object <c>data</c>; returns <c>data</c>.</summary>
    public static async Task<JsonObject> ErrorAsync(HttpResponseMessage response, int status)
    {
        var body = (await StatusAsync(response, (HttpStatusCode)status))!.AsObject();
        Assert.Equal(status, body["status"]!.GetValue<int>());
        var message = body["message"]!.GetValue<string>();
        Assert.Matches(@"^[A-Z].*[.?!]$", message);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        Assert.DoesNotMatch(InternalsPattern, body.ToJsonString());
        return body["data"]!.AsObject();
    }

    public static Task<HttpResponseMessage> PatchAsJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PatchAsync(url, JsonContent.Create(body));
}
