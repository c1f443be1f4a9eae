namespace SharpBase.Storage.Schema;

/// <summary>The physical kinds of column a collection field maps to; each dialect picks the real type.</summary>
public enum ColumnType
{
    /// <summary>Text, empty string when unset.</summary>
    Text,
    /// <summary>A 64-bit float, 0 when unset.</summary>
    Number,
    /// <summary>A boolean, false when unset.</summary>
    Bool,
    /// <summary>A UTC instant; SQLite keeps PocketBase's text layout, PostgreSQL a timestamptz (NULL when unset).</summary>
    DateTime,
    /// <summary>A JSON document (jsonb on PostgreSQL); <see cref="ColumnSpec.JsonDefault"/> gives its empty value.</summary>
    Json,
}
