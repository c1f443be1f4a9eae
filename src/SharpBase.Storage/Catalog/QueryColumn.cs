using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Catalog;

/// <summary>One result column of a query: its name, the column type its database type maps to, and that database type.</summary>
/// <param name="Name">The column's name as the query gives it.</param>
/// <param name="Type">The SharpBase column type the database type maps to (unknown types are Text).</param>
/// <param name="DatabaseType">The database's type name (on SQLite the declared type, empty for an expression).</param>
public sealed record QueryColumn(string Name, ColumnType Type, string DatabaseType = "")
{
    /// <summary>True when the database itself says the values are text, not merely that nothing else was recognised.</summary>
    public bool IsDeclaredText => TableIntrospection.IsTextType(DatabaseType);
}
