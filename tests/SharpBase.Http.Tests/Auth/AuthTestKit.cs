using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SharpBase.Core.Common;
using SharpBase.Core.Records;
using SharpBase.Http.Tests.Infrastructure;

namespace SharpBase.Http.Tests.Auth;

/// <summary>Helpers for auth tests: users inserted directly (no records API yet), logins, crafted JWTs, the outbox.</summary>
internal static class AuthTestKit
{
    public const string Password = "user password 1";

    /// <summary>Inserts a <c>users</c> record and returns its id.</summary>
    public static async Task<string> InsertUserAsync(TestServer server, string email, string password = Password, bool verified = true)
    {
        var core = server.Core;
        var users = core.Schema.Current.Find("users")!;
        var id = Ids.NewRecordId(SecureRandomSource.Instance);
        var now = DateTimeOffset.UtcNow;
        await core.Database.WriteAsync(async (session, ct) =>
        {
            await core.Records.InsertAsync(session, users, new Dictionary<string, object?>
            {
                ["id"] = id, ["email"] = email, ["password"] = core.Passwords.Hash(password),
                ["tokenKey"] = SecureRandomSource.Instance.NextString(50, Ids.AlphanumericAlphabet),
                ["emailVisibility"] = false, ["verified"] = verified, ["name"] = "", ["avatar"] = "", ["created"] = now, ["updated"] = now,
            }, ct);
            return true;
        }, CancellationToken.None);
        return id;
    }

    public static Task<RecordRow?> FindUserAsync(TestServer server, string id) =>
        server.Core.Records.FindByAsync(server.Core.Schema.Current.Find("users")!, "id", id, CancellationToken.None);

    public static Task<HttpResponseMessage> LoginAsync(TestServer server, string identity, string password = Password, string collection = "users") =>
        server.Guest.PostAsJsonAsync($"/api/collections/{collection}/auth-with-password", new { identity, password });

    /// <summary>Signs in and returns the response body (token, record, refreshToken).</summary>
    public static async Task<JsonObject> SignInAsync(TestServer server, string identity, string password = Password, string collection = "users")
    {
        var response = await LoginAsync(server, identity, password, collection);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"login failed: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    public static HttpRequestMessage Post(string url, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }) };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        return request;
    }

    public static HttpRequestMessage Request(HttpMethod method, string url, string? token)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        return request;
    }

    /// <summary>A JWT with the given raw header and payload JSON, HMAC-SHA256-signed with <paramref name="key"/> (or unsigned).</summary>
    public static string Craft(string headerJson, string payloadJson, string? key)
    {
        var input = B64(Encoding.UTF8.GetBytes(headerJson)) + "." + B64(Encoding.UTF8.GetBytes(payloadJson));
        var signature = key is null ? "" : B64(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(input)));
        return input + "." + signature;
    }

    public static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static JsonObject Payload(string token)
    {
        var part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part += new string('=', (4 - (part.Length % 4)) % 4);
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part)))!.AsObject();
    }

    /// <summary>Waits for an outbox mail to <paramref name="to"/> and returns the token after <paramref name="marker"/> in its link.</summary>
    public static async Task<string> WaitForMailTokenAsync(TestServer server, string to, string marker, int expectedCount = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var mails = ReadMails(server).Where(m => m.Contains("To: " + to, StringComparison.OrdinalIgnoreCase) && m.Contains(marker, StringComparison.Ordinal)).ToList();
            if (mails.Count >= expectedCount)
            {
                var text = mails[^1];
                var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
                var end = start;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '_' or '.'))
                {
                    end++;
                }

                return text[start..end];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no mail to {to} with {marker}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits for an outbox mail to exactly <paramref name="to"/> and returns it as <see cref="ReadMails"/> gives it.</summary>
    public static async Task<string> WaitForMailAsync(TestServer server, string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (ReadMails(server).FirstOrDefault(m => m.StartsWith("To: " + to + "\n", StringComparison.Ordinal)) is { } mail)
            {
                return mail;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no mail to {to}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Every outbox mail as its recipient, subject and HTML body, decoded from quoted-printable (soft line breaks joined).</summary>
    public static List<string> ReadMails(TestServer server)
    {
        var folder = server.Core.Mail.OutboxDirectory;
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f =>
        {
            using var message = MimeKit.MimeMessage.Load(f);
            return "To: " + message.To + "\nSubject: " + message.Subject + "\n" + message.HtmlBody;
        }).ToList();
    }
}
