using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SharpBase.Core.Tests.Query.Sql;

/// <summary>One generated record of the property collection (see <see cref="FilterPropertyFixture"/>).</summary>
public sealed record GeneratedRecord(
    string Id, string Title, double Views, bool Published, DateTimeOffset? When, string Status, string Labels, string? Data, string Rel,
    string Rels = "[]")
{
    /// <summary>True when the JSON value holds an object (compared as text, PostgreSQL differs; see Sql/README.md).</summary>
    public bool HasJsonObject => Data?.Contains('{', StringComparison.Ordinal) == true && ObjectOutsideStrings(Data);

    public Dictionary<string, object?> ToValues() => new()
    {
        ["id"] = Id, ["title"] = Title, ["views"] = Views, ["published"] = Published, ["when"] = When, ["status"] = Status,
        ["labels"] = Labels, ["data"] = Data, ["rel"] = Rel, ["rels"] = Rels,
    };

    private static bool ObjectOutsideStrings(string json)
    {
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                i += c == '\\' ? 1 : 0;
                inString = c != '"';
            }
            else if (c == '{')
            {
                return true;
            }
            else
            {
                inString = c == '"';
            }
        }

        return false;
    }
}

/// <summary>The request a case's filters see: a JSON body, one query value and, when signed in, the first record as auth.</summary>
public sealed record GeneratedRequest(string Body, string Query, bool SignedIn)
{
    public static GeneratedRequest Guest { get; } = new("{}", "", false);
}

/// <summary>A generated case: records to store, the request, and filters to run over them.</summary>
public sealed record FilterCase(GeneratedRecord[] Records, string[] Filters, GeneratedRequest? Request = null)
{
    public override string ToString() =>
        "records:\n  " + string.Join("\n  ", Records.Select(r => r.ToString())) + "\nrequest: " + (Request ?? GeneratedRequest.Guest) +
        "\nfilters:\n  " + string.Join("\n  ", Filters);
}

/// <summary>FsCheck generators of records and of filters over the records' direct fields.</summary>
public static class FilterGenerators
{
    private static readonly string[] TextAtoms =
    [
        "", "a", "A", "b", "abc", "Hello World", "hello", "'", "\"", "%", "_", "\\", "50%", "o_f", "x%y", "Ü", "ü", "é", "日本", "😀",
        "10", "9", "5.5", "5.0", "-3", " 5 ", "2024", "1e3", ".5", "0", "1", "true", "null", "[\"a\"]", "2024-01-15 08:30:00.000Z", "live", " ",
    ];

    private static readonly string[] Choices = ["a", "b", "B", "10", "-3", "2.5", "x_y", "%", "Ü", "live", "1"];

    private static readonly string[] Fields =
    [
        "id", "title", "views", "published", "when", "status", "labels", "data", "rel",
        "title:lower", "views:lower", "when:lower", "status:lower", "labels:lower", "data:lower", "published:lower",
        "labels:length", "status:length", "labels:each", "status:each",
        // relation paths and back-relations (joins shared by the whole filter)
        "rel.title", "rel.views", "rel.labels:each", "rel.rel.title", "rels", "rels:length", "rels:each", "rels.title", "rels.views",
        "rels.status", "rels.rel", "items_via_rel.title", "items_via_rel.views", "items_via_rels.title", "rel.items_via_rel.views",
        // request values
        "@request.body.title", "@request.body.views", "@request.body.labels:each", "@request.body.labels:length", "@request.body.title:lower",
        "@request.body.views:lower", "@request.body.rel.title", "@request.body.rels.views", "@request.body.other", "@request.body.views:changed",
        "@request.query.q", "@request.query.q:lower", "@request.auth.id", "@request.auth.title", "@request.auth.rels.title", "@request.method",
    ];

    private static readonly string[] Operators = ["=", "!=", ">", ">=", "<", "<=", "~", "!~", "?=", "?!=", "?>", "?>=", "?<", "?<=", "?~", "?!~"];

    private static readonly string[] Keywords = ["true", "false", "null", "TRUE", "Null", "@now", "@year", "@todayStart", "@second"];

    private static readonly DateTimeOffset?[] Dates =
    [
        null, new DateTimeOffset(2024, 1, 15, 8, 30, 0, TimeSpan.Zero), new DateTimeOffset(2023, 6, 1, 12, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2024, 2, 14, 13, 45, 30, 123, TimeSpan.Zero), new DateTimeOffset(1999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero),
    ];

    /// <summary>Text with quotes, LIKE wildcards, backslashes, unicode, numeric-looking and empty values.</summary>
    public static Gen<string> Text { get; } =
        Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(TextAtoms), n)).Select(string.Concat);

    /// <summary>Integers, negatives and decimals (few digits: SQLite and PostgreSQL render those alike).</summary>
    public static Gen<double> Number { get; } = Gen.OneOf(
        Gen.Choose(-5, 120).Select(i => (double)i),
        Gen.Choose(-400, 400).Select(i => i / 4.0),
        Gen.Elements(0.1, -0.5, 10.0, 5.5, -3.0, 1_000_000.0, 0.0));

    public static Gen<FilterCase> Cases =>
        from records in Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Record, n))
        from filters in Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(Filter(3), n))
        from request in Request
        select new FilterCase(records.Select((r, i) => r with { Id = "r" + i.ToString(CultureInfo.InvariantCulture) }).ToArray(), filters, request);

    private static readonly string[] Ids = ["", "r0", "r1", "r2", "zz"];

    private static Gen<GeneratedRequest> Request =>
        from title in Text
        from views in Gen.OneOf(Number.Select(n => n.ToString("R", CultureInfo.InvariantCulture)), Gen.Elements("\"10\"", "true", "null", "0.00001"))
        from labels in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(Choices), n))
        from rel in Gen.Elements(Ids)
        from rels in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(Gen.Elements(Ids), n))
        from present in Gen.Choose(0, 31)
        from query in Text
        from signedIn in Gen.Elements(true, false)
        select new GeneratedRequest(Body(present, title, views, labels, rel, rels), query, signedIn);

    // A body with each of its keys present or not (bit i of present), as create and update bodies are.
    private static string Body(int present, string title, string views, string[] labels, string rel, string[] rels)
    {
        var parts = new List<string>();
        void Add(int bit, string key, string json)
        {
            if ((present & (1 << bit)) != 0)
            {
                parts.Add(JsonString(key) + ":" + json);
            }
        }

        Add(0, "title", JsonString(title));
        Add(1, "views", views);
        Add(2, "labels", "[" + string.Join(",", labels.Select(JsonString)) + "]");
        Add(3, "rel", JsonString(rel));
        Add(4, "rels", "[" + string.Join(",", rels.Select(JsonString)) + "]");
        return "{" + string.Join(",", parts) + "}";
    }

    /// <summary>Removes one record or one filter at a time.</summary>
    public static IEnumerable<FilterCase> Shrink(FilterCase value)
    {
        for (var i = 0; i < value.Filters.Length && value.Filters.Length > 1; i++)
        {
            yield return value with { Filters = value.Filters.Where((_, j) => j != i).ToArray() };
        }

        for (var i = 0; i < value.Records.Length; i++)
        {
            yield return value with { Records = value.Records.Where((_, j) => j != i).ToArray() };
        }
    }

    private static Gen<GeneratedRecord> Record =>
        from title in Text
        from views in Number
        from published in Gen.Elements(true, false)
        from when in Gen.Elements(Dates)
        from status in Gen.Frequency((1, Gen.Constant("")), (3, Gen.Elements(Choices)))
        from labels in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(Choices), n))
        from data in Gen.Frequency((1, Gen.Constant<string?>(null)), (6, Json(2).Select(j => (string?)j)))
        from rel in Gen.Elements("", "r0", "r1", "zz")
        from rels in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements("r0", "r1", "r2", "r3", "zz"), n))
        select new GeneratedRecord("", title, views, published, when, status, "[" + string.Join(",", labels.Distinct().Select(JsonString)) + "]", data, rel,
            "[" + string.Join(",", rels.Distinct().Select(JsonString)) + "]");

    private static Gen<string> Json(int depth)
    {
        var scalar = Gen.OneOf(
            Gen.Elements("null", "true", "false", "5.0", "-2.0"),
            Number.Select(n => n.ToString("R", CultureInfo.InvariantCulture)),
            Text.Select(JsonString));
        if (depth == 0)
        {
            return scalar;
        }

        var separator = Gen.Elements(",", ", ", " ,\n ");
        var array = from items in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Json(depth - 1), n))
                    from sep in separator
                    select "[" + string.Join(sep, items) + "]";
        var obj = from keys in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(Gen.Elements("a", "b", "k"), n))
                  from values in Gen.ArrayOf(Json(depth - 1), 3)
                  from sep in separator
                  select "{" + string.Join(sep, keys.Distinct().Select((k, i) => JsonString(k) + ":" + values[i])) + "}";
        return Gen.Frequency((4, scalar), (2, array), (1, obj));
    }

    private static Gen<string> Filter(int depth)
    {
        if (depth == 0)
        {
            return Comparison;
        }

        var joined = from left in Filter(depth - 1)
                     from op in Gen.Elements(" && ", " || ", "&&", " ||\n")
                     from right in Filter(depth - 1)
                     select left + op + right;
        return Gen.Frequency((4, Comparison), (2, joined), (1, Filter(depth - 1).Select(f => "(" + f + ")")));
    }

    private static Gen<string> Comparison =>
        from left in Gen.Frequency((6, Gen.Elements(Fields)), (1, Literal))
        from op in Gen.Elements(Operators)
        from right in Gen.Frequency((4, Literal), (2, Gen.Elements(Fields)))
        select left + " " + op + " " + right;

    private static Gen<string> Literal => Gen.Frequency(
        (4, Text.SelectMany(t => Gen.Elements(Quote(t, '"'), Quote(t, '\'')))),
        (2, Number.Select(n => n.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.Elements("-.5", "0.0", "-0", "007")),
        (2, Gen.Elements(Keywords)));

    private static string Quote(string text, char quote) =>
        quote + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(quote.ToString(), "\\" + quote, StringComparison.Ordinal) + quote;

    // Minimal JSON escaping (quote, backslash, controls), as the storage writes text: no \u escapes of printable characters.
    private static string JsonString(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
