using System.Text.Json;
using System.Text.Json.Nodes;
using SharpBase.Core.Common;

namespace SharpBase.Core.Records.Values;

/// <summary>Date and autodate input: text in any form <see cref="DateTimeText.TryParse"/> reads; anything else is the empty date.</summary>
internal static class DateInput
{
    public static DateTimeOffset? Parse(JsonNode? input)
    {
        if (input is not JsonValue value)
        {
            return null;
        }

        var text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => GoCast.FormatFloat(GoCast.NumberOf(value)),
            _ => null,
        };
        return text is not null && DateTimeText.TryParse(text, out var parsed) ? parsed : null;
    }
}
