namespace SharpBase.Core.Errors;

/// <summary>One failed check, in PocketBase's shape: a stable code and a human message.</summary>
public sealed record ValidationError(
    string Code,
    string Message,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, object?>? Params = null)
{
    /// <summary><c>validation_required</c>.</summary>
    public static ValidationError Required() => new("validation_required", "Cannot be blank.");

    /// <summary><c>validation_invalid_value</c>.</summary>
    public static ValidationError Invalid(string message = "Invalid value.") => new("validation_invalid_value", message);

    /// <summary><c>validation_not_unique</c>.</summary>
    public static ValidationError NotUnique() => new("validation_not_unique", "Value must be unique.");
}
