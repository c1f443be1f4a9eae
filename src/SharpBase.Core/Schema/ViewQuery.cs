using SharpBase.Core.Errors;

namespace SharpBase.Core.Schema;

/// <summary>Checks a view collection's query: one SELECT (or WITH … SELECT), no statement separators.</summary>
public static class ViewQuery
{
    /// <summary>The longest query accepted.</summary>
    public const int MaxLength = 5000;

    /// <summary>The query without surrounding whitespace and a trailing semicolon.</summary>
    public static string Normalize(string query) => query.Trim().TrimEnd(';').TrimEnd();

    /// <summary>Adds a <c>viewQuery</c> error when the query is not a single SELECT.</summary>
    public static void Validate(string query, ValidationErrors errors)
    {
        var normalized = Normalize(query);
        if (normalized.Length == 0)
        {
            return;
        }

        if (normalized.Length > MaxLength)
        {
            errors.Add("viewQuery", new ValidationError("validation_length_too_long", $"The query must be no more than {MaxLength} characters."));
        }
        else if (normalized.Contains(';', StringComparison.Ordinal) ||
                 !(normalized.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || normalized.StartsWith("WITH", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("viewQuery", new ValidationError("validation_invalid_view_query", "The query must be a single SELECT statement."));
        }
    }
}
