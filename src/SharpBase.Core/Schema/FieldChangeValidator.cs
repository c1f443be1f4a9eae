using SharpBase.Core.Errors;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema;

/// <summary>Which changes to an existing field are allowed: system fields are fixed, and a type may change only where the stored values carry over.</summary>
internal static class FieldChangeValidator
{
    private static readonly HashSet<string> TextFamily = new(["text", "email", "url", "editor"], StringComparer.Ordinal);

    public static void Validate(Field field, Field? previous, ValidationErrors errors)
    {
        if (previous is null)
        {
            return;
        }

        if (previous.System && (previous.Name != field.Name || previous.Type != field.Type))
        {
            errors.Add("name", new ValidationError("validation_system_field_change", "System fields cannot be renamed or retyped."));
            return;
        }

        if (IsRefusedTypeChange(field, previous))
        {
            errors.Add("type", TypeChangeError());
        }
    }

    /// <summary>True when a non-system field changes to a type its stored values do not carry over to.</summary>
    public static bool IsRefusedTypeChange(Field field, Field? previous) =>
        previous is { System: false } && previous.Type != field.Type && !(TextFamily.Contains(previous.Type) && TextFamily.Contains(field.Type));

    /// <summary>The error of a refused type change.</summary>
    public static ValidationError TypeChangeError() => new("validation_field_type_change",
        "The field type cannot be changed to this type; text, email, url and editor are interchangeable, other changes need a new field.");

    /// <summary>True when two versions of a field store into different column definitions.</summary>
    public static bool ColumnChanged(Field previous, Field next)
    {
        ColumnSpec a = previous.Column, b = next.Column;
        return a.Type != b.Type || a.JsonDefault != b.JsonDefault || a.PrimaryKey != b.PrimaryKey;
    }
}
