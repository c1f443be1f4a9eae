using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;

namespace SharpBase.Core.Schema.Fields;

/// <summary>Uploaded files; the record stores their names (storage itself is another module).</summary>
public sealed partial record FileField : MultiValueField
{
    /// <summary>The per-file size limit used when <see cref="MaxSize"/> is 0.</summary>
    public const long DefaultMaxSize = 5 * 1024 * 1024;

    /// <inheritdoc />
    public override string Type => "file";

    /// <summary>The largest file in bytes; 0 means <see cref="DefaultMaxSize"/>.</summary>
    public long MaxSize { get; init; }

    /// <summary>The accepted MIME types; empty accepts any.</summary>
    public IReadOnlyList<string> MimeTypes { get; init; } = [];

    /// <summary>Thumbnail sizes such as <c>100x100</c>, <c>0x50</c> or <c>70x50t</c>.</summary>
    public IReadOnlyList<string> Thumbs { get; init; } = [];

    /// <summary>Downloads need a file token.</summary>
    public bool Protected { get; init; }

    /// <inheritdoc />
    public override void ValidateOptions(ValidationErrors errors, SchemaValidationContext context)
    {
        FieldOptionChecks.NonNegative(errors, "maxSize", MaxSize);
        FieldOptionChecks.NonNegative(errors, "maxSelect", MaxSelect);
        for (var i = 0; i < Thumbs.Count; i++)
        {
            if (!ThumbPattern().IsMatch(Thumbs[i]) || Thumbs[i].StartsWith("0x0", StringComparison.Ordinal))
            {
                errors.Nested("thumbs").Add(i.ToString(global::System.Globalization.CultureInfo.InvariantCulture),
                    new ValidationError("validation_invalid_thumb_format", "Invalid thumb format."));
            }
        }
    }

    [GeneratedRegex(@"^\d+x\d+[tbf]?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThumbPattern();

    /// <summary>Required and the number of files; uploads, sizes, MIME types and unknown names are checked by the file handling.</summary>
    public override ValidationError? ValidateValue(object? value)
    {
        var names = StringList.FromStored(value);
        if (names.Count == 0)
        {
            return Required ? FieldErrors.Required() : null;
        }

        var maxSelect = Math.Max(MaxSelect, 1);
        return names.Count > maxSelect ? FieldErrors.TooManyFiles(maxSelect) : null;
    }

    /// <summary>Each array element is read on its own and kept when it gives exactly one name, as PocketBase does for files.</summary>
    private protected override List<string> ReadInput(JsonNode? input) => StringList.FromFileInput(input);
}
