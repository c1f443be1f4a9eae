using SharpBase.Core.Errors;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema;

/// <summary>Which type changes an existing field may take: only those where the stored values carry over (system fields: see CollectionValidator).</summary>
internal static class FieldChangeValidator
{
    private static readonly HashSet<string> TextFamily = new(["text", "email", "url", "editor"], StringComparer.Ordinal);

    public static void Validate(Field field, Field? previous, ValidationErrors errors)
    {
        if (previous is null)
        {
            return;
        }

        if (previous.Type != field.Type && !(TextFamily.Contains(previous.Type) && TextFamily.Contains(field.Type)))
        {
            errors.Add("type", new ValidationError("validation_field_type_change",
                "The field type cannot be changed to this type; text, email, url and editor are interchangeable, other changes need a new field."));
        }
    }

    /// <summary>True when two versions of a field store into different column definitions.</summary>
    public static bool ColumnChanged(Field previous, Field next)
    {
        ColumnSpec a = previous.Column, b = next.Column;
        return a.Type != b.Type || a.JsonDefault != b.JsonDefault || a.PrimaryKey != b.PrimaryKey;
    }
}
