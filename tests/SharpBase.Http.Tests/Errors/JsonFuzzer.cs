using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SharpBase.Http.Tests.Errors;

/// <summary>
/// Makes hostile request bodies from a valid template: values of the wrong type in every field, modifier keys, duplicate
/// keys, deep nesting, huge member counts, long strings, and byte-level damage (invalid UTF-8, truncation, stray bytes).
/// Raw JSON text is written by hand so that it can carry what a serializer never would (1e400, lone surrogates, NaN).
/// </summary>
public sealed class JsonFuzzer(Random random, IReadOnlyList<string> knownIds)
{
    private static readonly string[] Strings =
    [
        "", " ", "a", "ab", "null", "true", "0", "-1", "1e400", "NaN", "Infinity", "abcdefghijklmno", "2026-01-01 00:00:00.000Z",
        "2026-13-45", "0000-00-00", "9999-12-31T23:59:59Z", "a@b.test", "A@B.TEST", "not an email", "https://example.test/x",
        "javascript:alert(1)", "' OR 1=1 --", "\"); DROP TABLE users; --", "@request.auth.id", "id != ''", "{{.}}", "${x}", "%s%n",
        "../../etc/passwd", "C:\\windows", "\u00e9\u4e2d\u6587", "\U0001F600", "a\u0000b", "\u202e", "<script>x</script>", "_superusers",
        "users", "things", "a+", "+a", "-", "*", "?", "\\", "/", "{}", "[]", "__proto__", "constructor",
    ];

    private static readonly string[] RawNumbers =
    [
        "0", "-0", "1", "-1", "0.5", "1e308", "-1e308", "1e400", "-1e400", "1e-400", "9007199254740993", "18446744073709551616",
        "123456789012345678901234567890", "1.0000000000000000000000001", "2147483648", "-2147483649", "1E2", "1e+2", "0.1e1",
    ];

    private static readonly string[] RawOddities =
    [
        "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\uZZZZ\"", "\"\\x41\"", "NaN", "Infinity", "-Infinity", "undefined",
        "'single'", "01", "+1", ".5", "1.", "0x10", "tru", "nul", "\"unterminated", "[1,]", "{\"a\":1,}", "{,}", "[,1]", "/*c*/1",
    ];

    /// <summary>One hostile body derived from <paramref name="template"/>.</summary>
    public byte[] Mutate(JsonObject template)
    {
        return random.Next(12) switch
        {
            0 => Encoding.UTF8.GetBytes(RandomValue(random.Next(4))),
            1 => Damage(Encoding.UTF8.GetBytes(WriteObject(template, ReplaceOneValue))),
            2 => Encoding.UTF8.GetBytes(WriteObject(template, DuplicateOneKey)),
            3 => Encoding.UTF8.GetBytes(WriteObject(template, AddModifierKeys)),
            4 => Encoding.UTF8.GetBytes(WriteObject(template, AddManyKeys)),
            5 => Encoding.UTF8.GetBytes(WriteObject(template, NestDeeply)),
            6 => Encoding.UTF8.GetBytes(WriteObject(template, AddLongString)),
            7 => Damage(Encoding.UTF8.GetBytes(template.ToJsonString())),
            _ => Encoding.UTF8.GetBytes(WriteObject(template, ReplaceOneValue)),
        };
    }

    /// <summary>A random JSON-ish value, valid or not, of at most <paramref name="depth"/> levels.</summary>
    public string RandomValue(int depth)
    {
        switch (random.Next(depth > 0 ? 12 : 8))
        {
            case 0: return "null";
            case 1: return random.Next(2) == 0 ? "true" : "false";
            case 2: return RawNumbers[random.Next(RawNumbers.Length)];
            case 3: return random.NextDouble().ToString("R", CultureInfo.InvariantCulture);
            case 4: return Quote(Strings[random.Next(Strings.Length)]);
            case 5: return knownIds.Count > 0 ? Quote(knownIds[random.Next(knownIds.Count)]) : "\"\"";
            case 6: return random.Next(4) == 0 ? RawOddities[random.Next(RawOddities.Length)] : Quote(RandomText(random.Next(1, 40)));
            case 7: return Quote(new string('x', random.Next(0, 3) switch { 0 => 256, 1 => 5_000, _ => 70_000 }));
            case 8 or 9:
                var items = Enumerable.Range(0, random.Next(0, 6)).Select(_ => RandomValue(depth - 1));
                return "[" + string.Join(',', items) + "]";
            default:
                var members = Enumerable.Range(0, random.Next(0, 6)).Select(_ => Quote(RandomKey()) + ":" + RandomValue(depth - 1));
                return "{" + string.Join(',', members) + "}";
        }
    }

    private string WriteObject(JsonObject template, Func<List<KeyValuePair<string, string>>, List<KeyValuePair<string, string>>> change)
    {
        var members = template.Select(m => KeyValuePair.Create(m.Key, m.Value?.ToJsonString() ?? "null")).ToList();
        members = change(members);
        return "{" + string.Join(',', members.Select(m => Quote(m.Key) + ":" + m.Value)) + "}";
    }

    private List<KeyValuePair<string, string>> ReplaceOneValue(List<KeyValuePair<string, string>> members)
    {
        for (var times = random.Next(1, 3); times > 0 && members.Count > 0; times--)
        {
            var index = random.Next(members.Count);
            members[index] = KeyValuePair.Create(members[index].Key, RandomValue(3));
        }

        return members;
    }

    private List<KeyValuePair<string, string>> DuplicateOneKey(List<KeyValuePair<string, string>> members)
    {
        if (members.Count > 0)
        {
            var key = members[random.Next(members.Count)].Key;
            members.Insert(random.Next(members.Count + 1), KeyValuePair.Create(key, RandomValue(1)));
        }

        return members;
    }

    private List<KeyValuePair<string, string>> AddModifierKeys(List<KeyValuePair<string, string>> members)
    {
        foreach (var member in members.ToList())
        {
            if (random.Next(3) == 0)
            {
                var key = random.Next(3) switch { 0 => member.Key + "+", 1 => "+" + member.Key, _ => member.Key + "-" };
                members.Add(KeyValuePair.Create(key, RandomValue(2)));
            }
        }

        return members;
    }

    private List<KeyValuePair<string, string>> AddManyKeys(List<KeyValuePair<string, string>> members)
    {
        var count = random.Next(3) switch { 0 => random.Next(40, 60), 1 => 1_500, _ => 30_000 };
        for (var i = 0; i < count; i++)
        {
            members.Add(KeyValuePair.Create("k" + i.ToString(CultureInfo.InvariantCulture), "1"));
        }

        return members;
    }

    private List<KeyValuePair<string, string>> NestDeeply(List<KeyValuePair<string, string>> members)
    {
        var depth = random.Next(3) switch { 0 => random.Next(2, 30), 1 => 33, _ => 5_000 };
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        var value = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var index = members.Count == 0 ? -1 : random.Next(members.Count);
        if (index < 0)
        {
            members.Add(KeyValuePair.Create("deep", value));
        }
        else
        {
            members[index] = KeyValuePair.Create(members[index].Key, value);
        }

        return members;
    }

    private List<KeyValuePair<string, string>> AddLongString(List<KeyValuePair<string, string>> members)
    {
        if (members.Count > 0)
        {
            var index = random.Next(members.Count);
            members[index] = KeyValuePair.Create(members[index].Key, Quote(new string('\u00e9', random.Next(1_000, 300_000))));
        }

        return members;
    }

    /// <summary>Byte-level damage: invalid UTF-8 sequences, truncation, a stray byte, a flipped bit or a BOM.</summary>
    private byte[] Damage(byte[] body)
    {
        var bytes = body.ToList();
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (random.Next(7))
        {
            case 0: bytes.InsertRange(at, [0xC3, 0x28]); break;
            case 1: bytes.InsertRange(at, [0xC0, 0x80]); break;
            case 2: bytes.InsertRange(at, [0xED, 0xA0, 0x80]); break;
            case 3: return [.. bytes.Take(at)];
            case 4: bytes.Insert(at, (byte)random.Next(256)); break;
            case 5 when bytes.Count > 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
            default: bytes.InsertRange(0, [0xEF, 0xBB, 0xBF]); break;
        }

        return [.. bytes];
    }

    private string RandomKey() => random.Next(4) == 0 ? Strings[random.Next(Strings.Length)] : RandomText(random.Next(1, 10));

    private string RandomText(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(5) == 0 ? (char)random.Next(0x20, 0xD7FF) : (char)random.Next(0x20, 0x7F));
        }

        return builder.ToString();
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
