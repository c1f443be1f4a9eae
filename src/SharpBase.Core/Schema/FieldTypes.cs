using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Schema;

/// <summary>The registry of field types by wire name.</summary>
public static class FieldTypes
{
    private static readonly Dictionary<string, Type> ByName = new(StringComparer.Ordinal)
    {
        ["text"] = typeof(TextField),
        ["number"] = typeof(NumberField),
        ["bool"] = typeof(BoolField),
        ["email"] = typeof(EmailField),
        ["url"] = typeof(UrlField),
        ["editor"] = typeof(EditorField),
        ["date"] = typeof(DateField),
        ["autodate"] = typeof(AutodateField),
        ["select"] = typeof(SelectField),
        ["json"] = typeof(JsonField),
        ["relation"] = typeof(RelationField),
        ["file"] = typeof(FileField),
        ["password"] = typeof(PasswordField),
        ["geoPoint"] = typeof(GeoPointField),
    };

    /// <summary>The wire names of every field type.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The CLR type for a wire name, or null when unknown.</summary>
    public static Type? Find(string name) => ByName.GetValueOrDefault(name);
}
