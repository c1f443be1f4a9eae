using System.Net;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Settings;

/// <summary>
/// Every section of PocketBase's settings, with its defaults and key order (core/settings_model.go), its checks, and
/// write-only secrets that no answer carries (issue 18).
/// </summary>
public abstract class SettingsSectionsTests(DatabaseKind kind)
{
    [Fact]
    public async Task Get_HasEverySection_WithPocketBaseDefaults_InItsKeyOrder()
    {
        await using var server = await TestServer.StartAsync(kind);
        var settings = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/settings"), HttpStatusCode.OK))!.AsObject();
        Assert.Equal(["superuserIPs", "smtp", "backups", "s3", "meta", "rateLimits", "trustedProxy", "batch", "logs", "authCookies"], Keys(settings));
        Assert.Empty(settings["superuserIPs"]!.AsArray());
        AssertJson("""{"enabled":false,"port":587,"host":"smtp.example.com","username":"","authMethod":"","tls":false,"localName":""}""", settings["smtp"]);
        AssertJson("""{"cron":"","cronMaxKeep":3,"s3":{"enabled":false,"bucket":"","region":"","endpoint":"","accessKey":"","forcePathStyle":false}}""", settings["backups"]);
        AssertJson("""{"enabled":false,"bucket":"","region":"","endpoint":"","accessKey":"","forcePathStyle":false}""", settings["s3"]);
        AssertJson("""{"accentColor":"#1055c9","appName":"Acme","appURL":"http://localhost:8090","senderName":"Support","senderAddress":"support@example.com","hideControls":false}""", settings["meta"]);
        AssertJson("""
            {"rules":[{"label":"*:auth","audience":"","duration":3,"maxRequests":2},{"label":"*:create","audience":"","duration":5,"maxRequests":20},
            {"label":"/api/batch","audience":"","duration":1,"maxRequests":3},{"label":"/api/","audience":"","duration":10,"maxRequests":300}],
            "excludedIPs":[],"enabled":false}
            """, settings["rateLimits"]);
        AssertJson("""{"headers":[],"useLeftmostIP":false}""", settings["trustedProxy"]);
        AssertJson("""{"enabled":false,"maxRequests":50,"timeout":3,"maxBodySize":0}""", settings["batch"]);
        AssertJson("""{"maxDays":5,"minLevel":0,"logIP":true,"logAuthId":false}""", settings["logs"]);
    }

    [Fact]
    public async Task Secrets_AreStored_ButNoAnswerCarriesThem_AndAPatchWithoutThemKeepsThem()
    {
        await using var server = await TestServer.StartAsync(kind);
        var patch = JsonNode.Parse("""
            {"meta":{"appName":"update_test"},"smtp":{"password":"new_smtp_password"},"s3":{"secret":"new_s3_secret"},
             "backups":{"s3":{"secret":"new_backups_s3_secret"}}}
            """)!.AsObject();
        var patched = await (await server.Superuser.PatchAsync("/api/settings", Json(patch))).Content.ReadAsStringAsync();
        var got = await server.Superuser.GetStringAsync("/api/settings");
        foreach (var answer in new[] { patched, got })
        {
            Assert.Contains("\"appName\":\"update_test\"", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("secret", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("password", answer, StringComparison.Ordinal);
        }

        AssertSecrets(server, "new_smtp_password", "new_s3_secret", "new_backups_s3_secret");

        // Sending back what GET returned, or another section, keeps every stored secret.
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsync("/api/settings", Json(JsonNode.Parse(got)!)), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", new { s3 = new { bucket = "b" }, smtp = new { host = "mail.example.com" } }), HttpStatusCode.OK);
        AssertSecrets(server, "new_smtp_password", "new_s3_secret", "new_backups_s3_secret");

        // An explicit empty secret clears it, as PocketBase's decoder sets it.
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", new { s3 = new { secret = "" } }), HttpStatusCode.OK);
        AssertSecrets(server, "new_smtp_password", "", "new_backups_s3_secret");
    }

    [Fact]
    public async Task Patch_StoresEverySection_AcrossARestart()
    {
        var database = await TestDatabase.CreateAsync(kind);
        var options = TestServer.Options(database);
        await using (var server = await TestServer.StartAsync(kind, o => o.Core = options.Core))
        {
            await HttpAssert.StatusAsync(await server.Superuser.PatchAsync("/api/settings", Json(JsonNode.Parse("""
                {"superuserIPs":["10.0.0.0/8","::1"],
                 "s3":{"enabled":true,"bucket":"files","region":"eu","endpoint":"https://s3.example.com","accessKey":"AK","secret":"SK","forcePathStyle":true},
                 "backups":{"cron":"0 3 * * 1-5","cronMaxKeep":7},
                 "rateLimits":{"enabled":true,"rules":[{"label":"users:auth","audience":"@guest","duration":60,"maxRequests":5}],"excludedIPs":["127.0.0.1"]},
                 "trustedProxy":{"headers":["X-Real-IP"],"useLeftmostIP":true},
                 "logs":{"maxDays":30,"minLevel":-4,"logIP":false,"logAuthId":true},
                 "meta":{"accentColor":"#ff0000"}}
                """)!)), HttpStatusCode.OK);
        }

        await using (var core = await SharpBase.Core.SharpBaseApp.OpenAsync(options.Core))
        {
            var settings = core.Settings.Current;
            Assert.Equal(["10.0.0.0/8", "::1"], settings.SuperuserIPs);
            Assert.Equal(("files", "SK", true), (settings.S3.Bucket, settings.S3.Secret, settings.S3.ForcePathStyle));
            Assert.Equal(("0 3 * * 1-5", 7), (settings.Backups.Cron, settings.Backups.CronMaxKeep));
            Assert.Equal("users:auth", Assert.Single(settings.RateLimits.Rules).Label);
            Assert.Equal(["127.0.0.1"], settings.RateLimits.ExcludedIPs);
            Assert.Equal(["X-Real-IP"], settings.TrustedProxy.Headers);
            Assert.True(settings.TrustedProxy.UseLeftmostIP);
            Assert.Equal((30, -4, false, true), (settings.Logs.MaxDays, settings.Logs.MinLevel, settings.Logs.LogIP, settings.Logs.LogAuthId));
            Assert.Equal("#ff0000", settings.Meta.AccentColor);
        }

        await database.DisposeAsync();
    }

    [Fact]
    public async Task Patch_Null_ChangesNothing_ExceptThatItEmptiesAList()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", new { superuserIPs = new[] { "1.2.3.4" } }), HttpStatusCode.OK);
        var answer = (await HttpAssert.StatusAsync(await server.Superuser.PatchAsync("/api/settings", Json(JsonNode.Parse("""
            {"meta":null,"smtp":{"host":null,"port":null},"superuserIPs":null,"rateLimits":{"excludedIPs":null}}
            """)!)), HttpStatusCode.OK))!;
        Assert.Equal("Acme", answer["meta"]!["appName"]!.GetValue<string>());
        Assert.Equal("smtp.example.com", answer["smtp"]!["host"]!.GetValue<string>());
        Assert.Equal(587, answer["smtp"]!["port"]!.GetValue<int>());
        Assert.Empty(answer["superuserIPs"]!.AsArray());
        Assert.Equal(4, answer["rateLimits"]!["rules"]!.AsArray().Count);
    }

    public static TheoryData<string, string, string> InvalidPatches() => new()
    {
        { """{"superuserIPs":["1.2.3.4",""]}""", "superuserIPs.1", "validation_required" },
        { """{"superuserIPs":["10.0.0.0/33"]}""", "superuserIPs.0", "validation_invlaid_ip_or_subnet" },
        { """{"superuserIPs":["1"]}""", "superuserIPs.0", "validation_invlaid_ip_or_subnet" },
        { """{"meta":{"accentColor":"#12345"}}""", "meta.accentColor", "validation_length_invalid" },
        { """{"meta":{"accentColor":"#12345g"}}""", "meta.accentColor", "validation_is_hex_color" },
        { """{"meta":{"appName":""}}""", "meta.appName", "validation_required" },
        { "{\"meta\":{\"appName\":\"" + new string('a', 256) + "\"}}", "meta.appName", "validation_length_out_of_range" },
        { """{"meta":{"senderName":""}}""", "meta.senderName", "validation_required" },
        { """{"logs":{"maxDays":-1}}""", "logs.maxDays", "validation_min_greater_equal_than_required" },
        { """{"smtp":{"host":"not a host!"}}""", "smtp.host", "validation_is_host" },
        { """{"smtp":{"enabled":true,"port":0}}""", "smtp.port", "validation_required" },
        { """{"smtp":{"port":-1}}""", "smtp.port", "validation_min_greater_equal_than_required" },
        { """{"smtp":{"authMethod":"CRAM-MD5"}}""", "smtp.authMethod", "validation_in_invalid" },
        { """{"smtp":{"localName":"bad name"}}""", "smtp.localName", "validation_is_host" },
        { """{"s3":{"enabled":true,"bucket":"b","region":"r","endpoint":"https://s3.example.com","accessKey":"k"}}""", "s3.secret", "validation_required" },
        { """{"s3":{"enabled":true}}""", "s3.endpoint", "validation_required" },
        { """{"s3":{"endpoint":"not a url"}}""", "s3.endpoint", "validation_is_url" },
        { """{"backups":{"s3":{"enabled":true}}}""", "backups.s3.bucket", "validation_required" },
        { """{"backups":{"cron":"61 * * * *"}}""", "backups.cron", "validation_invalid_cron" },
        { """{"backups":{"cron":"* * *"}}""", "backups.cron", "validation_invalid_cron" },
        { """{"backups":{"cron":"@daily","cronMaxKeep":0}}""", "backups.cronMaxKeep", "validation_required" },
        { """{"backups":{"cronMaxKeep":-2}}""", "backups.cronMaxKeep", "validation_min_greater_equal_than_required" },
        { """{"batch":{"enabled":true,"maxRequests":0}}""", "batch.maxRequests", "validation_required" },
        { """{"batch":{"timeout":-1}}""", "batch.timeout", "validation_min_greater_equal_than_required" },
        { """{"batch":{"maxBodySize":-1}}""", "batch.maxBodySize", "validation_min_greater_equal_than_required" },
        { """{"rateLimits":{"enabled":true,"rules":[]}}""", "rateLimits.rules", "validation_required" },
        { """{"rateLimits":{"rules":[{"label":"/api/","duration":1,"maxRequests":1},{"label":"/api/","duration":2,"maxRequests":2}]}}""", "rateLimits.rules.1.label", "validation_conflicting_rate_limit_rule" },
        { """{"rateLimits":{"rules":[{"label":"no spaces here","duration":1,"maxRequests":1}]}}""", "rateLimits.rules.0.label", "validation_match_invalid" },
        { """{"rateLimits":{"rules":[{"label":"a","duration":1,"maxRequests":0}]}}""", "rateLimits.rules.0.maxRequests", "validation_required" },
        { """{"rateLimits":{"rules":[{"label":"a","duration":-1,"maxRequests":1}]}}""", "rateLimits.rules.0.duration", "validation_min_greater_equal_than_required" },
        { """{"rateLimits":{"rules":[{"label":"a","duration":1,"maxRequests":1,"audience":"@everyone"}]}}""", "rateLimits.rules.0.audience", "validation_in_invalid" },
        { """{"rateLimits":{"rules":[null]}}""", "rateLimits.rules.0.label", "validation_required" },
        { """{"rateLimits":{"excludedIPs":["nope"]}}""", "rateLimits.excludedIPs.0", "validation_invlaid_ip_or_subnet" },
    };

    [Theory]
    [MemberData(nameof(InvalidPatches))]
    public async Task Patch_Invalid_Is400WithPocketBasesCode_AndChangesNothing(string patch, string path, string code)
    {
        await using var server = await TestServer.StartAsync(kind);
        var before = await server.Superuser.GetStringAsync("/api/settings");
        var response = await server.Superuser.PatchAsync("/api/settings", Json(JsonNode.Parse(patch)!));
        var body = (await HttpAssert.StatusAsync(response, HttpStatusCode.BadRequest))!;
        Assert.Equal("An error occurred while saving the new settings.", body["message"]!.GetValue<string>());
        var error = path.Split('.').Aggregate(body["data"], (node, key) => node?[key]);
        Assert.True(error is not null, $"no error at {path}: {body["data"]!.ToJsonString()}");
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.Equal(before, await server.Superuser.GetStringAsync("/api/settings"));
    }

    [Fact]
    public async Task Patch_ValidValuesOfEveryCheck_AreAccepted()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsync("/api/settings", Json(JsonNode.Parse("""
            {"superuserIPs":["192.168.1.7/24","2001:db8::/32"],"meta":{"accentColor":""},
             "smtp":{"enabled":true,"host":"10.0.0.2","port":2525,"authMethod":"LOGIN","localName":"relay.example.com"},
             "backups":{"cron":"*/15 0-6/2 1,15 * 0","cronMaxKeep":1},
             "rateLimits":{"enabled":true,"rules":[{"label":"POST /api/collections/","audience":"@auth","duration":1,"maxRequests":1},
               {"label":"users:create","duration":1,"maxRequests":1},{"label":"tag_a","duration":1,"maxRequests":1}]}}
            """)!)), HttpStatusCode.OK);
    }

    private static void AssertSecrets(TestServer server, string smtp, string s3, string backups)
    {
        var current = server.Core.Settings.Current;
        Assert.Equal((smtp, s3, backups), (current.Smtp.Password, current.S3.Secret, current.Backups.S3.Secret));
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), actual!.ToJsonString());

    private static string[] Keys(JsonObject json) => json.Select(p => p.Key).ToArray();

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}

public sealed class SqliteSettingsSectionsTests() : SettingsSectionsTests(DatabaseKind.Sqlite);

public sealed class PostgresSettingsSectionsTests() : SettingsSectionsTests(DatabaseKind.Postgres);
