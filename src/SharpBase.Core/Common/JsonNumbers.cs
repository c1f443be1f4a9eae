using System.Text.Json;

namespace SharpBase.Core.Common;

/// <summary>
/// What a JSON number must be to be taken: a finite float64. Go's decoder refuses <c>1e400</c> outright, and a value
/// that overflows to infinity cannot be written back as JSON (nor stored by SQLite, which turns it into <c>Inf</c>).
/// </summary>
public static class JsonNumbers
{
    /// <summary>True when the reader's current number token parses to a finite double.</summary>
    public static bool IsFinite(ref Utf8JsonReader reader) => reader.TryGetDouble(out var number) && double.IsFinite(number);

    /// <summary>True when <paramref name="json"/> is one complete, strict JSON document whose numbers are all finite.</summary>
    public static bool IsValidDocument(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.Number && !IsFinite(ref reader))
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
