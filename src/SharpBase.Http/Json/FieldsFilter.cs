using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SharpBase.Core.Errors;

namespace SharpBase.Http.Json;

/// <summary>
/// The generic <c>fields</c> query parameter: keeps only the listed keys (<c>a,b.c,*</c>) of a JSON response, with
/// the <c>:excerpt(max, withEllipsis)</c> modifier for strings. On a list envelope it applies to each item.
/// </summary>
public static partial class FieldsFilter
{
    /// <summary>The most entries one <c>fields</c> value may list.</summary>
    public const int MaxEntries = 100;

    /// <summary>Applies <paramref name="fields"/> to <paramref name="data"/>; <paramref name="isList"/> marks a list envelope.</summary>
    public static JsonNode? Apply(JsonNode? data, string? fields, bool isList)
    {
        if (string.IsNullOrWhiteSpace(fields) || data is null)
        {
            return data;
        }

        var tree = Parse(fields);
        if (isList && data is JsonObject envelope && envelope["items"] is JsonArray items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                items[i] = Pick(items[i], tree);
            }

            return envelope;
        }

        return data is JsonArray array ? new JsonArray(array.Select(item => Pick(item, tree)).ToArray()) : Pick(data, tree);
    }

    private static JsonNode? Pick(JsonNode? node, FieldNode tree)
    {
        if (node is JsonArray array)
        {
            return new JsonArray(array.Select(item => Pick(item, tree)).ToArray());
        }

        if (node is not JsonObject obj)
        {
            return node?.DeepClone();
        }

        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            var child = tree.Children.GetValueOrDefault(key);
            var star = tree.Children.GetValueOrDefault("*");
            var rule = child ?? star;
            if (rule is null)
            {
                continue;
            }

            var picked = rule.Children.Count > 0 ? Pick(value, rule) : value?.DeepClone();
            result[key] = rule.Excerpt is { } excerpt && picked is JsonValue v && v.TryGetValue<string>(out var text)
                ? Excerpt(text, excerpt.Max, excerpt.Ellipsis)
                : picked;
        }

        return result;
    }

    private static FieldNode Parse(string fields)
    {
        var root = new FieldNode();
        var entries = SplitEntries(fields);
        if (entries.Count > MaxEntries)
        {
            throw new BadRequestException($"The fields parameter lists more than {MaxEntries} entries.");
        }

        foreach (var entry in entries)
        {
            var (path, excerpt) = SplitModifier(entry);
            var node = root;
            foreach (var part in path.Split('.', StringSplitOptions.TrimEntries))
            {
                if (part.Length == 0)
                {
                    throw new BadRequestException($"Invalid fields entry \"{entry}\".");
                }

                node = node.Children.TryGetValue(part, out var existing) ? existing : node.Children[part] = new FieldNode();
            }

            node.Excerpt = excerpt ?? node.Excerpt;
        }

        return root;
    }

    private static List<string> SplitEntries(string fields)
    {
        var entries = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= fields.Length; i++)
        {
            if (i == fields.Length || (fields[i] == ',' && depth == 0))
            {
                var entry = fields[start..i].Trim();
                if (entry.Length > 0)
                {
                    entries.Add(entry);
                }

                start = i + 1;
            }
            else if (fields[i] == '(')
            {
                depth++;
            }
            else if (fields[i] == ')')
            {
                depth--;
            }
        }

        return entries;
    }

    private static (string Path, (int Max, bool Ellipsis)? Excerpt) SplitModifier(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (entry, null);
        }

        var match = ExcerptPattern().Match(entry[(colon + 1)..]);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max <= 0)
        {
            throw new BadRequestException($"Invalid fields modifier in \"{entry}\"; only :excerpt(max, withEllipsis) is supported.");
        }

        var ellipsis = match.Groups[2].Success && match.Groups[2].Value.Trim() is "true" or "1";
        return (entry[..colon], (max, ellipsis));
    }

    private static string Excerpt(string html, int max, bool ellipsis)
    {
        var text = WhitespaceRun().Replace(WebUtility.HtmlDecode(HtmlTag().Replace(html, " ")), " ").Trim();
        if (text.Length <= max)
        {
            return text;
        }

        return text[..max].TrimEnd() + (ellipsis ? "..." : "");
    }

    [GeneratedRegex(@"^excerpt\(\s*(\d+)\s*(?:,\s*(\w+)\s*)?\)$", RegexOptions.CultureInvariant)]
    private static partial Regex ExcerptPattern();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespaceRun();

    private sealed class FieldNode
    {
        public Dictionary<string, FieldNode> Children { get; } = new(StringComparer.Ordinal);

        public (int Max, bool Ellipsis)? Excerpt { get; set; }
    }
}
