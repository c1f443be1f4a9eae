using SharpBase.Core.Errors;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema;

/// <summary>Which type changes an existing field may take: only those where the stored values carry over (system fields: see CollectionValidator).</summary>
internal static class FieldChangeValidator
{
    private static readonly HashSet<string> TextFamily = new(["text", "email", "url", "editor"], StringComparer.Ordinal);

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
