using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using SharpBase.Http.Tests.Records;
using Xunit;

namespace SharpBase.Http.Tests.Errors;

/// <summary>
/// Random and mutated bodies against every JSON endpoint of a running server, bounded in time: no answer is a 5xx, every
/// error is the envelope with no internals in it, and the server still answers <c>/api/health</c> and a valid write.
/// A failure names the seed; <c>SHARPBASE_FUZZ_SEED</c> replays it and <c>SHARPBASE_FUZZ_SECONDS</c> runs longer.
/// </summary>
public abstract class BodyFuzzTests(DatabaseKind kind)
{
    private const int Workers = 3;

    [Fact]
    public async Task NoBodyOnAnyJsonEndpoint_GetsA5xx()
    {
        var seed = Environment.GetEnvironmentVariable("SHARPBASE_FUZZ_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var seconds = Environment.GetEnvironmentVariable("SHARPBASE_FUZZ_SECONDS") is { Length: > 0 } s
            ? int.Parse(s, CultureInfo.InvariantCulture)
            : 20;
        await using var server = await TestServer.StartAsync(kind);
        var targets = await FuzzTargets.SeedAsync(server);

        var failures = new List<string>();
        var sent = 0;
        var accepted = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(seed + worker);
            var fuzzer = new JsonFuzzer(random, targets.KnownIds);
            for (var n = 0; clock.Elapsed.TotalSeconds < seconds && n < 20_000; n++)
            {
                var target = targets.All[random.Next(targets.All.Count)];
                var body = fuzzer.Mutate(target.Template());
                using var request = new HttpRequestMessage(target.Method, target.Path) { Content = Content(random, body) };
                using var answer = await target.Client.SendAsync(request);
                Interlocked.Increment(ref sent);
                if (answer.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref accepted);
                }

                var problem = await ProblemAsync(answer);
                if (problem is not null)
                {
                    lock (failures)
                    {
                        failures.Add($"worker {worker} case {n}: {target.Method} {target.Path}: {problem}; body: {Excerpt(body)}");
                    }
                }
            }
        })));

        Assert.True(failures.Count == 0, $"seed {seed}, {sent} requests, {failures.Count} bad answers:\n" + string.Join('\n', failures.Take(10)));
        Assert.True(sent > 100, $"only {sent} requests were sent");
        Assert.True(accepted > 0, $"none of {sent} requests got past validation: the templates no longer fit the scenario");
        Assert.Equal(HttpStatusCode.OK, (await server.Guest.GetAsync("/api/health")).StatusCode);
        await RecordsScenario.Ok(await server.Guest.PostAsJsonAsync("/api/collections/things/records", new { title = "still writable" }));
    }

    /// <summary>Mostly JSON; sometimes no or an odd content type, or the body as a multipart <c>@jsonPayload</c>.</summary>
    private static HttpContent Content(Random random, byte[] body)
    {
        switch (random.Next(10))
        {
            case 0:
                var form = new MultipartFormDataContent { { new ByteArrayContent(body), "@jsonPayload" } };
                if (random.Next(2) == 0)
                {
                    form.Add(new StringContent(Encoding.UTF8.GetString(body)), "title");
                }

                return form;
            case 1:
                return new ByteArrayContent(body);
            case 2:
                var odd = new ByteArrayContent(body);
                odd.Headers.TryAddWithoutValidation("Content-Type", random.Next(2) == 0 ? "application/json; charset=latin1" : "text/plain");
                return odd;
            default:
                var json = new ByteArrayContent(body);
                json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return json;
        }
    }

    /// <summary>Null when the answer is acceptable: below 500 and, when an error, the envelope with no internals.</summary>
    private static async Task<string?> ProblemAsync(HttpResponseMessage answer)
    {
        var status = (int)answer.StatusCode;
        var text = await answer.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"{status} {Excerpt(text)}";
        }

        if (status < 400)
        {
            return null;
        }

        try
        {
            var envelope = JsonNode.Parse(text)!.AsObject();
            if (envelope["status"]?.GetValue<int>() != status || envelope["message"] is not JsonValue || envelope["data"] is not JsonObject)
            {
                return $"{status} not the error envelope: {Excerpt(text)}";
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return $"{status} not JSON: {Excerpt(text)}";
        }

        return System.Text.RegularExpressions.Regex.IsMatch(text, HttpAssert.InternalsPattern + "|Exception")
            ? $"{status} leaks internals: {Excerpt(text)}"
            : null;
    }

    private static string Excerpt(byte[] body) => Excerpt(Encoding.UTF8.GetString(body));

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + $"… ({text.Length} chars)";
}

public sealed class SqliteBodyFuzzTests() : BodyFuzzTests(DatabaseKind.Sqlite);

public sealed class PostgresBodyFuzzTests() : BodyFuzzTests(DatabaseKind.Postgres);
